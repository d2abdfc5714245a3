"""Turn a resident's own words into a Whoosh query and run it.

No query language is exposed: every word is a plain word, so `name:x`, `*` and `[a TO z]` are just text.
Words are OR-ed (residents type sentences: "ik kan mijn rekeningen niet betalen"); a document matching more
of them scores higher. A word of a synonym group is asked as the group's concept (see synonyms.py), so each
word of a group gives the same ranking.
"""
from dataclasses import dataclass

from whoosh.query import Every, Or, Term

from webapp.search.analysis import STOP_WORDS, analyse, fold, words
from webapp.search.schema import FIELD_BOOSTS
from webapp.search.synonyms import CONCEPT, ConceptFilter, rewrite_phrases

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


def find(searcher, kind, text):
    """All documents of `kind` matching `text` (all of them for empty text), best first."""
    text = " ".join(words(text)[:MAX_WORDS])
    if not text:
        return TextSearch(_run(searcher, kind, Every()))
    hits = _run(searcher, kind, build_query(searcher.schema, text))
    if hits:
        return TextSearch(hits)
    suggestion = suggest(searcher, text)
    if suggestion:
        return TextSearch(_run(searcher, kind, build_query(searcher.schema, suggestion)), suggestion)
    return TextSearch([])


def build_query(schema, text):
    analyzer = schema["title"].analyzer
    concepts = _concepts(analyzer)
    clauses = []
    for terms in analyse(analyzer, rewrite_phrases(text)):
        terms = [term for term in terms if not term.startswith(CONCEPT)]
        if terms[0] in concepts:  # the whole word belongs to a synonym group: its concept says it all
            wanted = {concepts[terms[0]]}
        else:
            wanted = {concepts.get(term, term) for term in terms}
        clauses.append(Or([Term(field, term, boost=boost) for field, boost in FIELD_BOOSTS.items()
                           for term in sorted(wanted)]))
    return Or(clauses) if clauses else None


def suggest(searcher, text):
    """'Bedoelde u ...?': each word not in the index replaced by the nearest indexed word, if any."""
    corrector = searcher.corrector("spell")
    reader = searcher.reader()
    corrected = []
    for word in text.split():
        known = word.isdigit() or len(word) < 3 or word in STOP_WORDS or reader.frequency("spell", word) > 0
        found = [] if known else corrector.suggest(word, limit=1, maxdist=2, prefix=1)
        corrected.append(found[0] if found else word)
    suggestion = " ".join(corrected)
    return suggestion if suggestion != fold(text) else None


def _run(searcher, kind, query):
    if query is None:
        return []
    results = searcher.search(query, filter=Term("kind", kind), limit=None)
    return [Hit(hit["row_id"], hit.score or 0.0, hit.fields()) for hit in results]


def _concepts(analyzer):
    for item in analyzer.items:
        if isinstance(item, ConceptFilter):
            return item.mapping
    return {}
