"""Synonym groups from data/search/synonyms.txt, matched on analysed terms so word families match."""
from functools import lru_cache

from webapp.search.analysis import DATA_DIR, analyse, dutch_analyzer


def read_groups():
    lines = (DATA_DIR / "synonyms.txt").read_text(encoding="utf-8").splitlines()
    return [[word.strip() for word in line.split(",") if word.strip()]
            for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=4)
def expansions(wordset):
    """{term: every term of every group it belongs to}, analysed with the index's own analyzer."""
    analyzer = dutch_analyzer(wordset)
    expansion = {}
    for group in read_groups():
        terms = set().union(*(terms for word in group for terms in analyse(analyzer, word)))
        for term in terms:
            expansion[term] = expansion.get(term, frozenset()) | terms
    return expansion
