"""A TEXT field that indexes faster: the analyzer's terms are worked out once per distinct word, not per token.

Whoosh runs every token of every document through the analyzer's chain of generators (lower case, accents,
compound splitting, stop words, stemming) and then counts positions per term: most of a reindex. Every filter of
the site's analyzers works on one token at a time and keeps its position (StopFilter with renumber=False), so a
word always gives the same terms, and the vocabulary is small beside the number of tokens. `index` therefore
tokenizes with the analyzer's own tokenizer, asks the whole analyzer once per new word, and writes exactly what
TEXT would: the same terms, positions, frequencies and weights (tests/search/test_textfield.py compares them).
Queries still use the analyzer itself.
"""
from whoosh.analysis import CompositeAnalyzer, RegexTokenizer
from whoosh.fields import TEXT
from whoosh.formats import Positions

MAX_WORDS = 200_000  # distinct words kept; then the cache starts again (memory stays bounded)


class FastText(TEXT):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._terms = {}

    def __getstate__(self):  # the index's schema is pickled; the cache is not part of it
        return {key: value for key, value in self.__dict__.items() if key != "_terms"}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._terms = {}

    def index(self, value, **kwargs):
        tokenizer = _tokenizer(self.analyzer)
        if kwargs or not isinstance(value, str) or type(self.format) is not Positions or tokenizer is None:
            yield from super().index(value, **kwargs)
            return
        positions = self._positions(tokenizer, value)
        if positions is None:
            yield from super().index(value, **kwargs)
            return
        boost, encode = self.format.field_boost, self.format.encode
        for term, poslist in positions.items():
            # Whoosh's weight: 1.0 per token (each token's boost), summed, times the field boost.
            yield term.encode("utf-8"), len(poslist), float(len(poslist)) * boost, encode(poslist)

    def _positions(self, tokenizer, value):
        """{term: [position]} in the order Whoosh meets them; None when a word's analysis is not word by word."""
        cache = self._terms
        positions = {}
        for pos, match in enumerate(tokenizer.expression.finditer(value)):
            word = match.group(0)
            terms = cache.get(word)
            if terms is None:
                terms = self._word_terms(word)
                if terms is None:
                    return None
            for term in terms:
                found = positions.get(term)
                if found is None:
                    positions[term] = [pos]
                else:
                    found.append(pos)
        return positions

    def _word_terms(self, word):
        terms = []
        for token in self.analyzer(word, positions=True, boosts=True, mode="index"):
            if token.stopped or token.pos != 0 or token.boost != 1.0:
                return None  # not one word on its own (cannot happen with a RegexTokenizer): Whoosh's way
            terms.append(token.text)
        if len(self._terms) >= MAX_WORDS:
            self._terms.clear()
        self._terms[word] = terms = tuple(terms)
        return terms


def _tokenizer(analyzer):
    """The analyzer's RegexTokenizer when it is the first of a chain (or the whole analyzer), else None."""
    first = analyzer.items[0] if isinstance(analyzer, CompositeAnalyzer) else analyzer
    return first if isinstance(first, RegexTokenizer) and not first.gaps else None
