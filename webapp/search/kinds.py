"""Several kinds in one search (the board asks for vragen and aanbod together): the words are scored once and the
matches split by kind. query.find scores every document of a segment whatever its kind (flat.py) and keeps one
kind, so asking it once per kind scored everything twice.

The answer for each kind is what query.find(searcher, kind, text, groups, ordered=False, box=box) gives: the same
hits with the same scores in index order, the same suggestion and count.
"""
from webapp.search import facts, grid, query


def find_kinds(searcher, kinds, text, groups=None, box=None):
    """{kind: query.TextSearch} for each of `kinds`, as query.find gives it unordered."""
    words = " ".join(query.words(text)[:query.MAX_WORDS])
    if not words:
        return {kind: query.find(searcher, kind, words, groups, ordered=False, box=box) for kind in kinds}
    only = None if box is None else grid.inside(searcher, box)
    synonyms = query.synonyms_for(searcher.schema, groups)
    found = _run(searcher, kinds, query.build_query(searcher.schema, words, synonyms, searcher), only)
    unmatched = {kind: query.suggest(searcher, kind, words, synonyms) for kind in kinds if not found[kind].matched}
    for suggestion in set(unmatched.values()) - {None}:
        asked = [kind for kind, suggested in unmatched.items() if suggested == suggestion]
        corrected = _run(searcher, asked, query.build_query(searcher.schema, suggestion, synonyms, searcher), only)
        for kind in asked:
            found[kind] = query.TextSearch(corrected[kind].hits, suggestion, corrected[kind].matched)
    return found


def _run(searcher, kinds, asked, only):
    """{kind: TextSearch(hits in document order, matched)}: every document scored once (query._run per kind)."""
    found = {kind: query.TextSearch([]) for kind in kinds}
    if asked is None:
        return found
    of_kind = [(query.kind_documents(searcher, kind), found[kind]) for kind in kinds]
    known = facts.for_searcher(searcher)
    for leaf, offset in searcher.leaf_searchers():
        for docnum, score in sorted(query._segment_scores(leaf, asked).items()):
            docnum += offset
            for documents, result in of_kind:
                if docnum in documents:
                    result.matched += 1
                    if only is None or docnum in only:
                        result.hits.append(query.Hit(known[docnum].row_id, score, known[docnum], docnum))
                    break
    return found
