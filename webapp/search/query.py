"""Turn a resident's own words into a Whoosh query and run it.

No query language is exposed: every word is a plain word, so `name:x`, `*` and `[a TO z]` are just text.
Words are OR-ed (residents type sentences: "ik kan mijn rekeningen niet betalen"); a document matching more
of them scores higher. A word of a synonym group is asked as every word of its group (see synonyms.py), so
each word of a group gives the same ranking; the groups come from the caller (the database), else the shipped file.
"""
from dataclasses import dataclass

from whoosh.query import DisjunctionMax, Every, Or, Term

from webapp.search.analysis import STOP_WORDS, analyse, fold, words
from webapp.search.schema import FIELD_BOOSTS
from webapp.search.synonyms import analyse_groups
from webapp.search.vocabulary import read_shipped_groups

MAX_WORDS = 16


@dataclass
class Hit:
    row_id: str
    score: float
    fields: dict


@dataclass
class TextSearch:
    hits: list
    suggestion: str | None = None


def find(searcher, kind, text, groups=None):
    """All documents of `kind` matching `text` (all of them for empty text), best first.

    `groups`: the synonym groups ([[name, word, ...]]); None reads the shipped file (tests, tools).
    """
    text = " ".join(words(text)[:MAX_WORDS])
    if not text:
        return TextSearch(_run(searcher, kind, Every()))
    synonyms = synonyms_for(searcher.schema, groups)
    hits = _run(searcher, kind, build_query(searcher.schema, text, synonyms, searcher))
    if hits:
        return TextSearch(hits)
    suggestion = suggest(searcher, kind, text, synonyms)
    if suggestion:
        return TextSearch(_run(searcher, kind, build_query(searcher.schema, suggestion, synonyms, searcher)),
                          suggestion)
    return TextSearch([])


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
    return len(searcher.search(Term("spell", word), filter=Term("kind", kind), limit=1)) > 0


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


def _run(searcher, kind, query):
    if query is None:
        return []
    results = searcher.search(query, filter=Term("kind", kind), limit=None)
    return [Hit(hit["row_id"], hit.score or 0.0, hit.fields()) for hit in results]
