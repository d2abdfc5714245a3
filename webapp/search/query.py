"""Turn a resident's own words into a Whoosh query and run it.

No query language is exposed: every word is a plain word, so `name:x`, `*` and `[a TO z]` are just text.
Words are OR-ed (residents type sentences: "ik kan mijn rekeningen niet betalen"); a document matching more
of them scores higher. A word of a synonym group is asked as every word of its group (see synonyms.py), so
each word of a group gives the same ranking; the groups come from the caller (the database), else the shipped file.
"""
import numpy as np
from whoosh.query import DisjunctionMax, Or, Term

from webapp.search import columns, facts, flat, grid
from webapp.search.analysis import STOP_WORDS, analyse, fold, words
from webapp.search.schema import FIELD_BOOSTS
from webapp.search.synonyms import analyse_groups
from webapp.search.vocabulary import read_shipped_groups

MAX_WORDS = 16
MAX_REMEMBERED = 10_000  # words per searcher whose occurrence in a kind is remembered (typed words: any number)


class Hit:
    """A matching document: its row id, its score (0 without words), its facts (facts.Facts) and number."""
    __slots__ = ("row_id", "score", "facts", "docnum")

    def __init__(self, row_id, score, found, docnum=None):
        self.row_id, self.score, self.facts, self.docnum = row_id, score, found, docnum


class TextSearch:
    """The matches of a search as two arrays, `docnums` and `scores` (for callers that handle every hit at once:
    columns.py), or as `hits` (a Hit per match, built when asked); `suggestion` ("Bedoelde u ...?") and `matched`:
    documents of the kind the words matched, also those outside `box`."""

    def __init__(self, searcher, docnums, scores, suggestion=None, matched=0):
        self.searcher, self.docnums, self.scores = searcher, docnums, scores
        self.suggestion, self.matched = suggestion, matched
        self._hits = None

    @property
    def hits(self):
        if self._hits is None:
            known = facts.for_searcher(self.searcher)
            self._hits = [Hit(known[docnum].row_id, score, known[docnum], docnum)
                          for docnum, score in zip(self.docnums.tolist(), self.scores.tolist())]
        return self._hits

    @property
    def columns(self):
        """The searcher's columns (columns.py): index them with `docnums`."""
        return columns.for_searcher(self.searcher)

    def hit(self, docnum, score):
        found = facts.for_searcher(self.searcher)[docnum]
        return Hit(found.row_id, score, found, docnum)

    def keep_rows(self, row_ids):
        """Only the matches whose row id is one of `row_ids`."""
        known = facts.for_searcher(self.searcher)
        self.keep_where(np.fromiter((known[docnum].row_id in row_ids for docnum in self.docnums.tolist()), dtype=bool,
                                    count=len(self.docnums)))

    def keep_where(self, wanted):
        """Only the matches where `wanted` (a boolean array beside `docnums`) is true."""
        self.docnums, self.scores, self._hits = self.docnums[wanted], self.scores[wanted], None


def find(searcher, kind, text, groups=None, ordered=True, box=None):
    """All documents of `kind` matching `text` (all of them for empty text), best first (in index order when not
    `ordered`: for callers that order the hits themselves).

    `groups`: the synonym groups ([[name, word, ...]]); None reads the shipped file (tests, tools).
    `box`: (min_lat, min_lon, max_lat, max_lon): only documents with a point in it, or without a point, are scored
    and returned (a radius restricts before scoring); `matched` still counts every match.
    """
    found = _find(searcher, kind, text, groups, None if box is None else grid.inside(searcher, box))
    if ordered:
        order = np.argsort(-found.scores, kind="stable")  # index order among equal scores, as Whoosh did
        found.docnums, found.scores = found.docnums[order], found.scores[order]
    return found


def _find(searcher, kind, text, groups, only):
    text = " ".join(words(text)[:MAX_WORDS])
    if not text:
        every = np.flatnonzero(kind_mask(searcher, kind))
        docnums = every if only is None else every[only[every]]
        return TextSearch(searcher, docnums, np.zeros(len(docnums)), matched=len(every))
    synonyms = synonyms_for(searcher.schema, groups)
    docnums, scores, matched = _run(searcher, kind, build_query(searcher.schema, text, synonyms, searcher), only)
    if matched:
        return TextSearch(searcher, docnums, scores, matched=matched)
    suggestion = suggest(searcher, kind, text, synonyms)
    if suggestion:
        docnums, scores, matched = _run(searcher, kind, build_query(searcher.schema, suggestion, synonyms, searcher),
                                        only)
        return TextSearch(searcher, docnums, scores, suggestion, matched)
    return TextSearch(searcher, *flat.EMPTY)


def build_query(schema, text, synonyms=None, reader=None):
    synonyms = synonyms if synonyms is not None else synonyms_for(schema, None)
    clauses = []
    for terms in analyse(schema["title"].analyzer, synonyms.rewrite_phrases(text)):
        if terms[0] in synonyms.expansions:  # the whole word belongs to a synonym group: its group says it all
            wanted = synonyms.expansions[terms[0]]
        else:
            wanted = set().union(*(synonyms.expansions.get(term, {term}) for term in terms))
        clauses.append(Or([_any_of(field, sorted(wanted), boost, reader) for field, boost in FIELD_BOOSTS.items()]))
    return Or(clauses) if clauses else None


def _any_of(field, terms, boost, reader):
    """One word's terms in one field (its group's words, its compound parts) score as the best of them, each
    weighed as the most common of them: a text with a rare word of a group is not more relevant than one with a
    common word of it, nor is a text with five words of a group five times as relevant (as with a single
    'concept' token per group; that lived in the index and needed a reindex for every change)."""
    if reader is None or len(terms) == 1:
        return Or([Term(field, term, boost=boost) for term in terms]) if len(terms) > 1 else Term(field, terms[0],
                                                                                                  boost=boost)
    present = [term for term in terms if reader.doc_frequency(field, term) > 0]
    if not present:
        return Term(field, terms[0], boost=boost)
    idf = {term: reader.idf(field, term) for term in present}
    floor = min(idf.values())
    return DisjunctionMax([Term(field, term, boost=boost * floor / idf[term]) for term in present])


def suggest(searcher, kind, text, synonyms):
    """'Bedoelde u ...?': each unknown word replaced by the nearest word of a live document of `kind`, if any.

    Called only when the words found nothing, so no word here has hits of its own. A word of the vocabulary
    (a synonym group) is a real word, never corrected ("pesten" is not "peuter"). A candidate must occur in a
    document of this kind that is in the index now: the spelling list itself also holds the words of other
    kinds and of deleted documents until Whoosh merges their segments.
    """
    corrector = searcher.corrector("spell")
    reader = searcher.reader()
    analyzer = searcher.schema["title"].analyzer
    vocabulary = {phrase for phrase, _name in synonyms.phrases}
    corrected = []
    for word in text.split():
        known = (word.isdigit() or len(word) < 3 or word in STOP_WORDS or _is_vocabulary(analyzer, word, synonyms)
                 or any(f" {word} " in f" {phrase} " for phrase in vocabulary))
        if not known and reader.frequency("spell", word) > 0:
            known = _occurs(searcher, kind, word)
        candidates = [] if known else corrector.suggest(word, limit=8, maxdist=2, prefix=1)
        corrected.append(next((found for found in candidates if _occurs(searcher, kind, found)), word))
    suggestion = " ".join(corrected)
    return suggestion if suggestion != fold(text) else None


def _is_vocabulary(analyzer, word, synonyms):
    found = analyse(analyzer, word)
    return bool(found) and found[0][0] in synonyms.expansions


def _occurs(searcher, kind, word):
    """Whether a live document of `kind` has `word` in its spelling field, remembered per searcher: a common word
    ("hulp": a third of the documents at 100,000) has long posting lists, read as arrays (flat.py keeps them)."""
    cache = searcher.__dict__.setdefault("_buurtkaart_occurs", {})
    if (kind, word) not in cache:
        if len(cache) >= MAX_REMEMBERED:
            cache.clear()
        of_kind = kind_mask(searcher, kind)
        cache[kind, word] = any(bool(of_kind[flat.documents(leaf, Term("spell", word)) + offset].any())
                                for leaf, offset in searcher.leaf_searchers())
    return cache[kind, word]


_analysed = {}  # {(id(analyzer), groups): (analyzer, Synonyms)}: the groups analysed once per index and version


def synonyms_for(schema, groups):
    """The groups analysed with the schema's analyzer, cached while neither changes."""
    groups = tuple(tuple(group) for group in (groups if groups is not None else read_shipped_groups()))
    analyzer = schema["title"].analyzer
    key = (id(analyzer), groups)
    cached = _analysed.get(key)
    if cached is None or cached[0] is not analyzer:
        if len(_analysed) > 16:
            _analysed.clear()
        cached = _analysed[key] = (analyzer, analyse_groups(analyzer, groups))
    return cached[1]


def _run(searcher, kind, query, only=None):
    """(document numbers of every match, in document order (the caller orders); their scores; how many documents
    of `kind` matched, also outside `only` (a boolean array by document number)). Only documents of `kind` (and of
    `only`), and nothing stored is read: Whoosh's own search(limit=None) also sorts, builds a Hit per match and
    rebuilt the kind filter on every query. The scores are Whoosh's, computed a posting list at a time (flat.py)."""
    if query is None:
        return (*flat.EMPTY, 0)
    of_kind = kind_mask(searcher, kind)
    wanted = of_kind if only is None else of_kind & only
    found, matched = [], 0
    for leaf, offset in searcher.leaf_searchers():
        docnums, scores = segment_scores(leaf, query)
        docnums = docnums + offset
        matched += int(np.count_nonzero(of_kind[docnums]))
        keep = wanted[docnums]
        found.append((docnums[keep], scores[keep]))
    if not found:
        return (*flat.EMPTY, 0)
    return np.concatenate([docnums for docnums, _scores in found]), np.concatenate([scores for _d, scores in found]), \
        matched


def score_rows(searcher, kind, text, row_ids, groups=None):
    """{row id: score} of the documents of `kind` among `row_ids` that match `text` (no spelling suggestion).

    Only those documents are scored, so the cost follows the number of rows asked for, not the matches: the query's
    parts (a word in a field: a Term or DisjunctionMax) are summed as its Or does, each part either walking its
    postings (when it has fewer than the rows) or skipping to each row. The scores are those `find` gives the same
    documents (up to the order of a floating-point sum).
    """
    text = " ".join(words(text)[:MAX_WORDS])
    query = build_query(searcher.schema, text, synonyms_for(searcher.schema, groups), searcher) if text else None
    by_row, known = documents_by_row(searcher, kind), facts.for_searcher(searcher)
    wanted = sorted(by_row[row_id] for row_id in set(row_ids) if row_id in by_row)
    if query is None or not wanted:
        return {}
    parts, scores = list(_summed_parts(query)), {}
    for leaf, offset in searcher.leaf_searchers():
        local = [docnum - offset for docnum in wanted if offset <= docnum < offset + leaf.doc_count_all()]
        for docnum, score in _score_leaf(leaf, parts, local).items():
            scores[known[docnum + offset].row_id] = score
    return scores


def _summed_parts(query):
    """The parts whose scores an Or (without a boost of its own) adds up."""
    if isinstance(query, Or) and query.boost == 1.0:
        for part in query.subqueries:
            yield from _summed_parts(part)
    else:
        yield query


def _score_leaf(leaf, parts, local):
    """{document number in this segment: summed score} of the `local` (sorted) document numbers that match."""
    scores, members, context, reader = {}, set(local), leaf.context(), leaf.reader()
    for part in parts if local else ():
        matcher = part.matcher(leaf, context)
        if part.estimate_size(reader) <= len(local):  # a rare word: walk its postings
            while matcher.is_active():
                if matcher.id() in members:
                    scores[matcher.id()] = scores.get(matcher.id(), 0.0) + matcher.score()
                matcher.next()
            continue
        for docnum in local:  # a common word: skip to each document asked for
            if not matcher.is_active():
                break
            if matcher.id() < docnum:
                matcher.skip_to(docnum)
            if matcher.is_active() and matcher.id() == docnum:
                scores[docnum] = scores.get(docnum, 0.0) + matcher.score()
    return scores


def documents_by_row(searcher, kind):
    """{row id: live document number} of one kind, built once per searcher."""
    cache = searcher.__dict__.setdefault("_buurtkaart_rows", {})
    if kind not in cache:
        known = facts.for_searcher(searcher)
        cache[kind] = {known[docnum].row_id: docnum for docnum in kind_documents(searcher, kind)}
    return cache[kind]


def fact_values(searcher, kind, name):
    """The distinct values (sorted, without None) of one fact (a field of facts.Facts) over the live documents of
    `kind`, computed once per searcher."""
    cache = searcher.__dict__.setdefault("_buurtkaart_values", {})
    if (kind, name) not in cache:
        known = facts.for_searcher(searcher)
        cache[kind, name] = sorted({getattr(known[docnum], name) for docnum in kind_documents(searcher, kind)}
                                   - {None})
    return cache[kind, name]


def segment_scores(leaf, query):
    """(document numbers in the segment, their scores); Whoosh's matchers when flat.py does not know one of them."""
    try:
        return flat.scores(leaf, query)
    except flat.Unsupported:
        docnums, scores, matcher = [], [], query.matcher(leaf, leaf.context())
        while matcher.is_active():
            docnums.append(matcher.id())
            scores.append(matcher.score())
            matcher.next()
        return np.array(docnums, dtype=np.int64), np.array(scores, dtype=np.float64)


def kind_mask(searcher, kind):
    """A boolean array by document number: the live documents of `kind` (once per searcher)."""
    cache = searcher.__dict__.setdefault("_buurtkaart_kind_masks", {})
    if kind not in cache:
        mask = np.zeros(searcher.doc_count_all(), dtype=bool)
        mask[np.fromiter(kind_documents(searcher, kind), dtype=np.int64)] = True
        cache[kind] = mask
    return cache[kind]


def kind_documents(searcher, kind):
    """The live document numbers of one kind, computed once per searcher (the searcher lives until the index
    changes)."""
    cache = searcher.__dict__.setdefault("_buurtkaart_kinds", {})
    if kind not in cache:
        cache[kind] = frozenset(searcher.docs_for_query(Term("kind", kind)))
    return cache[kind]
