"""Every match of a query with Whoosh's own score, computed a posting list at a time instead of a document at a time.

Whoosh's matchers walk a tree of Python objects for every document (is_active, id, next, score at every level):
81 % of a text search at 10,000 voorzieningen (../shared/notes, bench/). Here the same matcher tree Whoosh builds
for a segment is evaluated bottom-up: a term's postings are read block by block into {document: score}, then
each node of the tree combines its children's dicts the way its matcher would (a union adds, a
DisjunctionMax takes the larger, a boost multiplies). The tree is Whoosh's own, so the floating-point sums are
done in the same order and every score equals Whoosh's exactly, its quirks included (see _larger): the ranking
rules stay as they were (tests/search/test_flat.py; bench's brute force compares the first pages).

Matchers this module does not know raise Unsupported; the caller then scores that segment the ordinary way.
"""
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.matching import NullMatcher
from whoosh.matching.combo import ArrayUnionMatcher
from whoosh.matching.binary import DisjunctionMaxMatcher, UnionMatcher
from whoosh.matching.wrappers import FilterMatcher, WrappingMatcher
from whoosh.scoring import BM25FScorer, bm25
from whoosh.util.numeric import byte_to_length

_lengths = {}  # {(segment id, doc count, field): [length or None by document]}
MAX_LENGTHS = 256


class Unsupported(Exception):
    """A matcher this module cannot evaluate; score the segment with Whoosh's matchers."""


def scores(leaf, query):
    """{document number within the leaf's segment: score} for every document `query` matches there."""
    matcher = query.matcher(leaf, leaf.context())
    _rewind(matcher)
    return _evaluate(matcher, leaf.reader())


def warm_up(searcher, fields):
    """Read the lengths of `fields` of every segment (a worker's first search would otherwise)."""
    for leaf, _offset in searcher.leaf_searchers():
        for field in fields:
            _field_lengths(leaf.reader(), field)


def _evaluate(matcher, reader):
    kind = type(matcher)
    if kind is W3LeafMatcher:
        return _scored(matcher.scorer, reader, matcher._term, _blocks(matcher))
    if kind is UnionMatcher:
        return _union(_evaluate(matcher.a, reader), _evaluate(matcher.b, reader))
    if kind is DisjunctionMaxMatcher and not matcher.tiebreak:
        return _larger(_evaluate(matcher.a, reader), _evaluate(matcher.b, reader))
    if kind is WrappingMatcher:
        boost = matcher.boost
        return {docnum: score * boost for docnum, score in _evaluate(matcher.child, reader).items()}
    if kind is FilterMatcher:
        found, ids = _evaluate(matcher.child, reader), matcher._ids
        keep = (lambda docnum: docnum not in ids) if matcher._exclude else (lambda docnum: docnum in ids)
        return {docnum: score for docnum, score in found.items() if keep(docnum)}
    if kind is ArrayUnionMatcher:  # Whoosh's Or in a segment of at most 5,000 documents
        return _array_union(matcher, reader)
    if kind is type(NullMatcher):
        return {}
    raise Unsupported(kind.__name__)


def _rewind(matcher):
    """Every leaf back at its first posting: an ArrayUnionMatcher reads its first part when it is made."""
    kind = type(matcher)
    if kind in (W3LeafMatcher, type(NullMatcher)):
        matcher.reset()
    elif kind in (UnionMatcher, DisjunctionMaxMatcher):
        _rewind(matcher.a)
        _rewind(matcher.b)
    elif kind in (WrappingMatcher, FilterMatcher):
        _rewind(matcher.child)
    elif kind is ArrayUnionMatcher:
        for child in matcher._submatchers:
            _rewind(child)
    else:
        raise Unsupported(kind.__name__)


def _union(a, b):
    """UnionMatcher.score: a + b where both match, else the one that does."""
    if len(a) < len(b):
        a, b = b, a  # a + b == b + a exactly: only the grouping of three or more matters, and that is the tree's
    merged = dict(a)
    for docnum, score in b.items():
        merged[docnum] = merged[docnum] + score if docnum in merged else score
    return merged


def _array_union(matcher, reader):
    """ArrayUnionMatcher.score: 0 plus each child's score times the boost, the children in order."""
    boost, merged = matcher._boost, {}
    for child in matcher._submatchers:
        for docnum, score in _evaluate(child, reader).items():
            merged[docnum] = merged.get(docnum, 0.0) + score * boost
    return {docnum: score for docnum, score in merged.items() if score > 0}  # as its _find_next skips


def _larger(a, b):
    """DisjunctionMaxMatcher.score as Whoosh computes it: the larger of both children's current scores. A child
    that does not match this document stands at its next match (the union advances the lower id), and unlike
    UnionMatcher.score Whoosh does not compare the ids here, so that next match's score takes part too."""
    a_ids, b_ids = sorted(a), sorted(b)
    merged, i, j = {}, 0, 0
    while i < len(a_ids) and j < len(b_ids):
        x, y = a_ids[i], b_ids[j]
        merged[min(x, y)] = max(a[x], b[y])
        i += x <= y
        j += y <= x
    merged.update((docnum, a[docnum]) for docnum in a_ids[i:])
    merged.update((docnum, b[docnum]) for docnum in b_ids[j:])
    return merged


def _blocks(matcher):
    """(document, weight) of every posting of an on-disk posting list, a block at a time."""
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        yield from zip(matcher._ids, matcher._weights)
        matcher._next_block()


def _scored(scorer, reader, term, postings):
    """{document: BM25FScorer.score} (the same idf, average length, lengths and formula)."""
    if type(scorer) is not BM25FScorer or not term:
        raise Unsupported(type(scorer).__name__)
    lengths = _field_lengths(reader, term[0])
    idf, avgfl, b, k1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
    known, found = {}, {}
    for docnum, weight in postings:
        length = lengths[docnum] if lengths is not None else 1
        score = known.get((weight, length))
        if score is None:
            score = known[weight, length] = bm25(idf, weight, length, avgfl, b, k1)
        found[docnum] = score
    return found


def _field_lengths(reader, field):
    """The length of `field` of every document of the segment, as reader.doc_field_length(docnum, field, 1) gives
    it; None when the segment keeps no lengths for the field (then every length is 1)."""
    key = (reader.segment().segment_id(), reader.doc_count_all(), field)
    if key not in _lengths:
        if len(_lengths) >= MAX_LENGTHS:
            _lengths.clear()
        column = reader._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)  # as doc_field_length reads it
        _lengths[key] = None if column is None else [byte_to_length(value) if value else None for value in column]
    return _lengths[key]
