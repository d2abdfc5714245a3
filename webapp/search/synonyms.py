"""Synonym groups as a query-side concept, matched on analysed terms so word families match.

A word of a group is asked as every single word of its group (their analysed whole terms, OR-ed): each word
of a group is then literally the same query, and nothing about synonyms is in the index, so a group changed
in beheer counts from the next search on without a reindex. A member of several words ("zorgen voor") is
matched only as a phrase in the query and asked as its group, so the common word "zorg" alone does not count.
"""
from dataclasses import dataclass, field

from webapp.search.analysis import analyse, fold


@dataclass(frozen=True)
class Synonyms:
    """The groups analysed with one index's analyzer."""

    expansions: dict = field(default_factory=dict)  # {analysed term: frozenset of the group's analysed terms}
    phrases: tuple = ()  # ((folded phrase, the group's name), ...), longest first

    def rewrite_phrases(self, text):
        folded = f" {fold(text)} "
        for phrase, name in self.phrases:
            folded = folded.replace(f" {phrase} ", f" {name} ")
        return folded.strip()


def analyse_groups(analyzer, groups):
    """Synonyms for `groups` ([[name, word, ...]], the name a single word) under `analyzer`."""
    expansions, phrases = {}, []
    for group in groups:
        single = [word for word in group if " " not in word]
        terms = frozenset(found[0][0] for found in (analyse(analyzer, word) for word in single) if found)
        for term in terms:
            expansions.setdefault(term, terms)  # a word in two groups belongs to the first
        phrases += [(fold(word), group[0]) for word in group if " " in word]
    return Synonyms(expansions, tuple(sorted(phrases, key=lambda item: -len(item[0]))))
