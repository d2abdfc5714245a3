"""Several kinds in one search (the board asks for vragen and aanbod together): the words are scored once and the
matches split by kind. query.find scores every document of a segment whatever its kind (flat.py) and keeps one
kind, so asking it once per kind scored everything twice.

The matches come as arrays (document numbers in index order, scores), not a Hit per match: at 100,000 posts a
search has 30,000 matches, and objects that live through a search make Python's garbage collector walk the
whole heap now and then (hundreds of ms at that size). For each kind they are the documents, scores, suggestion
and count of query.find(searcher, kind, text, groups, ordered=False, box=box).
"""
from dataclasses import dataclass

import numpy as np

from webapp.search import columns, facts, grid, query


@dataclass
class Matches:
    """The matches of one kind: `docnums` in index order and their `scores` (numpy arrays), `facts` the searcher's
    facts.Facts by document number, the spelling `suggestion` searched instead, and how many documents of the kind
    matched (`matched`, also those outside the box); `columns` the searcher's columns.Columns (the same facts as
    arrays)."""
    docnums: np.ndarray
    scores: np.ndarray
    facts: list
    suggestion: str | None = None
    matched: int = 0
    columns: object = None


def find_kinds(searcher, kinds, text, groups=None, box=None):
    """{kind: Matches} for each of `kinds`, as query.find gives each kind unordered."""
    found = _find_kinds(searcher, kinds, text, groups, box)
    for matches in found.values():
        matches.columns = columns.for_searcher(searcher)
    return found


def _find_kinds(searcher, kinds, text, groups, box):
    known = facts.for_searcher(searcher)
    only = None if box is None else grid.inside(searcher, box)
    words = " ".join(query.words(text)[:query.MAX_WORDS])
    if not words:  # every document of the kind, nothing scored
        docnums = np.arange(len(known))
        return {kind: _split(searcher, kind, docnums, np.zeros(len(known)), only, known) for kind in kinds}
    synonyms = query.synonyms_for(searcher.schema, groups)
    found = _run(searcher, kinds, query.build_query(searcher.schema, words, synonyms, searcher), only, known)
    unmatched = {kind: query.suggest(searcher, kind, words, synonyms) for kind in kinds if not found[kind].matched}
    for suggestion in set(unmatched.values()) - {None}:
        asked = [kind for kind, suggested in unmatched.items() if suggested == suggestion]
        corrected = _run(searcher, asked, query.build_query(searcher.schema, suggestion, synonyms, searcher), only,
                         known)
        for kind in asked:
            found[kind] = corrected[kind]
            found[kind].suggestion = suggestion
    return found


def _run(searcher, kinds, asked, only, known):
    """{kind: Matches}: every document scored once."""
    docnums, scores = [np.zeros(0, dtype=np.int64)], [np.zeros(0)]
    for leaf, offset in searcher.leaf_searchers() if asked is not None else ():
        segment, scored = query.segment_scores(leaf, asked)  # in document order
        docnums.append(segment + offset)
        scores.append(scored)
    docnums, scores = np.concatenate(docnums), np.concatenate(scores)
    return {kind: _split(searcher, kind, docnums, scores, only, known) for kind in kinds}


def _split(searcher, kind, docnums, scores, only, known):
    """The Matches of one kind among the scored documents, those of `only` (a mask) kept."""
    of_kind = query.kind_mask(searcher, kind)[docnums]
    kept = of_kind if only is None else of_kind & only[docnums]
    return Matches(docnums[kept], scores[kept], known, matched=int(np.count_nonzero(of_kind)))
