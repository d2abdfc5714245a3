"""Scores a posting list at a time (search/flat.py) are Whoosh's own scores, to the last bit."""
from collections import OrderedDict

import pytest

from tests.factories import make_service
from webapp.extensions import db
from webapp.search import flat, query
from webapp.search.vocabulary import current_groups

WORDS = ("schulden", "ik kan mijn rekeningen niet betalen", "eenzaam dementie", "hulp bij de administratie",
         "huiselijk geweld schulden")  # the last: an Or of a few words in an Or (two ArrayUnionMatchers)


def flat_scores(leaf, asked):
    docnums, scores = flat.scores(leaf, asked)
    assert list(docnums) == sorted(docnums)
    return dict(zip(docnums.tolist(), scores.tolist()))


def whoosh_scores(leaf, asked):
    matcher, found = asked.matcher(leaf, leaf.context()), {}
    while matcher.is_active():
        found[matcher.id()] = matcher.score()
        matcher.next()
    return found


@pytest.mark.parametrize("text", WORDS)
def test_flat_scores_equal_whoosh_scores(demo, text):
    searcher = demo.extensions["search_index"].searcher()
    asked = query.build_query(searcher.schema, " ".join(query.words(text)),
                              query.synonyms_for(searcher.schema, current_groups()), searcher)
    compared = 0
    for leaf, _offset in searcher.leaf_searchers():
        expected = whoosh_scores(leaf, asked)
        assert flat_scores(leaf, asked) == expected  # a synonym group's DisjunctionMax and Whoosh's quirk in it
        compared += len(expected)
    assert compared > 0


def test_deleted_documents_are_left_out_and_new_segments_count(demo):
    service = make_service("Schuldhulp Flatdorp", summary="Hulp bij schulden in Flatdorp")
    db.session.delete(service)
    db.session.commit()
    make_service("Schuldhulp Tweedorp", summary="Hulp bij schulden in Tweedorp")
    searcher = demo.extensions["search_index"].searcher()
    asked = query.build_query(searcher.schema, "schulden tweedorp",  # a word of one document: inlined postings
                              query.synonyms_for(searcher.schema, current_groups()),
                              searcher)
    assert len(searcher.leaf_searchers()) >= 2
    for leaf, _offset in searcher.leaf_searchers():
        assert flat_scores(leaf, asked) == whoosh_scores(leaf, asked)
    titles = {hit.facts.title for hit in query.find(searcher, "service", "schulden").hits}
    assert "Schuldhulp Tweedorp" in titles and "Schuldhulp Flatdorp" not in titles


def test_a_matcher_flat_does_not_know_is_scored_by_whoosh(demo, monkeypatch):
    searcher = demo.extensions["search_index"].searcher()
    before = [(hit.row_id, hit.score) for hit in query.find(searcher, "service", "eenzaam dementie").hits]

    def unknown(_matcher, _reader):
        raise flat.Unsupported("a matcher of another Whoosh")
    monkeypatch.setattr(flat, "_evaluate", unknown)
    assert [(hit.row_id, hit.score) for hit in query.find(searcher, "service", "eenzaam dementie").hits] == before
    assert before


def test_kept_postings_give_the_same_scores_when_the_lists_do_not_fit(demo, monkeypatch):
    monkeypatch.setattr(flat, "MAX_POSTINGS", 1)  # every list read is put out again by the next
    monkeypatch.setattr(flat, "MIN_KEPT", 1)  # the demo's lists are short
    monkeypatch.setattr(flat, "_postings_read", OrderedDict())
    monkeypatch.setattr(flat, "_kept", [0])
    searcher = demo.extensions["search_index"].searcher()
    asked = query.build_query(searcher.schema, "hulp bij de administratie",
                              query.synonyms_for(searcher.schema, current_groups()), searcher)
    for leaf, _offset in searcher.leaf_searchers():
        expected = whoosh_scores(leaf, asked)
        assert flat_scores(leaf, asked) == expected
        assert flat_scores(leaf, asked) == expected  # the second time partly from the kept lists
    assert len(flat._postings_read) == 1


def test_short_posting_lists_are_not_kept_and_long_ones_are(demo, monkeypatch):
    monkeypatch.setattr(flat, "_postings_read", OrderedDict())
    monkeypatch.setattr(flat, "_kept", [0])
    searcher = demo.extensions["search_index"].searcher()
    asked = query.build_query(searcher.schema, "schulden", query.synonyms_for(searcher.schema, current_groups()),
                              searcher)
    for leaf, _offset in searcher.leaf_searchers():
        flat_scores(leaf, asked)
    assert not flat._postings_read  # the demo's lists are shorter than MIN_KEPT
    monkeypatch.setattr(flat, "MIN_KEPT", 2)
    for leaf, _offset in searcher.leaf_searchers():
        flat_scores(leaf, asked)
    assert all(len(ids) >= 2 for ids, _weights in flat._postings_read.values())
    assert flat._postings_read and flat._kept[0] == sum(len(ids) + flat.ENTRY_COST
                                                       for ids, _weights in flat._postings_read.values())


@pytest.mark.parametrize("size", [10, 100_000])  # many ids for the segment's size (marked), few (sorted)
def test_union_of_document_numbers(size):
    import numpy as np
    generator = np.random.default_rng(7)
    a = np.unique(generator.integers(0, 10, 6))
    b = np.unique(generator.integers(0, 10, 5))
    assert flat._union_ids(a, b, size).tolist() == np.union1d(a, b).tolist()
    assert flat._union_ids(a, flat.EMPTY[0], size).tolist() == a.tolist()
    assert flat._union_ids(flat.EMPTY[0], flat.EMPTY[0], size).tolist() == []
