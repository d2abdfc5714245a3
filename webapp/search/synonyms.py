"""Synonym groups from data/search/synonyms.txt, matched on analysed terms so word families match.

Every single word of a group is indexed with one extra token for the group (its concept, e.g. "~geld"), and
a query asks for that concept: each word of a group is then literally the same query, and a text that says
"geld" and "schulden" counts the concept twice, as BM25 counts any repeated word. A member of several words
("zorgen voor") is matched only as a phrase in the query, so the common word "zorg" alone does not count.
"""
from functools import lru_cache

from whoosh.analysis import Filter

from webapp.search.analysis import DATA_DIR, analyse, fold

CONCEPT = "~"


def read_groups():
    lines = (DATA_DIR / "synonyms.txt").read_text(encoding="utf-8").splitlines()
    return [[word.strip() for word in line.split(",") if word.strip()]
            for line in lines if line.strip() and not line.startswith("#")]


def concept_map(base_analyzer):
    """{analysed term: concept token} for the single-word members of every group."""
    mapping = {}
    for group in read_groups():
        concept = CONCEPT + fold(group[0])
        for word in (w for w in group if " " not in w):
            whole = analyse(base_analyzer, word)
            if whole:
                mapping.setdefault(whole[0][0], concept)
    return mapping


@lru_cache(maxsize=1)
def phrase_rewrites():
    """[(folded phrase, the group's first word)] for members of more than one word."""
    return [(fold(word), group[0]) for group in read_groups() for word in group if " " in word]


def rewrite_phrases(text):
    folded = f" {fold(text)} "
    for phrase, word in phrase_rewrites():
        folded = folded.replace(f" {phrase} ", f" {word} ")
    return folded.strip()


class ConceptFilter(Filter):
    """Adds the group's concept token after each term that belongs to a synonym group."""

    def __init__(self, mapping):
        self.mapping = dict(mapping)

    def __eq__(self, other):
        return isinstance(other, ConceptFilter) and other.mapping == self.mapping

    def __call__(self, tokens):
        for token in tokens:
            concept = self.mapping.get(token.text)
            yield token
            if concept:
                token.text = concept
                yield token
