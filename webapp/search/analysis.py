"""Dutch text analysis: lower case, accent folding, compound splitting, stop words, Snowball Dutch stemming."""
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from whoosh.analysis import CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.lang import stopwords_for_language
from whoosh.lang.snowball.dutch import DutchStemmer
from whoosh.support.charset import accent_map

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "search"
STOP_WORDS = frozenset(stopwords_for_language("nl"))
MIN_PART = 4  # shorter parts ("gym", "oud") split too much that is not a compound
WORD = re.compile(r"\w+", re.UNICODE)

_stemmer = DutchStemmer()


def stem(word):
    return _stemmer.stem(word)


def fold(text):
    """Lower case without accents: 'Financiën' -> 'financien'."""
    if text.isascii():
        return text.lower()  # the same as below, without the work per character
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text):
    return WORD.findall(fold(text))


class CompoundSplitFilter(Filter):
    """Keeps each token and adds the known words it is made of, at the same position.

    Whoosh's CompoundWordFilter only splits words made entirely of known parts; Dutch compounds often end in a
    part nobody lists ("schuld|hulp|verlening"), so a known prefix is enough here, and a known suffix counts
    when what is before it is known too.
    """

    def __init__(self, wordset):
        self.wordset = frozenset(wordset)
        self._parts = {}  # word -> its parts: the same words come back in every document (reindex time)

    def __getstate__(self):  # the index's schema is pickled; the cache is not part of it
        return {"wordset": self.wordset}

    def __setstate__(self, state):
        self.__init__(state["wordset"])

    def __eq__(self, other):
        return isinstance(other, CompoundSplitFilter) and other.wordset == self.wordset

    def __call__(self, tokens):
        for token in tokens:
            # Split before yielding: the filters after this one change token.text in place.
            parts = self._cached_parts(token.text) if len(token.text) >= 2 * MIN_PART else ()
            yield token
            for part in parts:
                token.text = part
                yield token

    def _cached_parts(self, word):
        found = self._parts.get(word)
        if found is None:
            if len(self._parts) > 200_000:
                self._parts.clear()
            found = self._parts[word] = tuple(dict.fromkeys(self.parts(word)))
        return found

    def parts(self, word):
        found = self._split_prefix(word)
        return found if found is not None else self._split_suffix(word) or []

    def _split_prefix(self, word):
        for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head, tail = word[:cut], word[cut:]
            if head in self.wordset:
                return [head, *self.parts(head), *self._tail_parts(tail)]
        return None

    def _tail_parts(self, tail):
        for candidate in (tail, tail[1:] if tail[0] in "se" else None, tail[2:] if tail.startswith("en") else None):
            if candidate and len(candidate) >= MIN_PART and candidate in self.wordset:
                return [candidate, *self.parts(candidate)]
        return self.parts(tail) if len(tail) >= 2 * MIN_PART else []

    def _split_suffix(self, word):
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            head, tail = word[:cut], word[cut:]
            if tail in self.wordset and head.rstrip("s") in self.wordset:
                return [head.rstrip("s"), tail]
        return []


def build_wordset(texts):
    """Known words for compound splitting: the shipped parts plus every word (and its stem) in the data."""
    seen = set()
    for text in texts:
        seen.update(words(text))
    wordset = set(shipped_compound_parts())
    for word in seen:  # each distinct word once: stemming every token was most of the time
        if len(word) >= MIN_PART and not word.isdigit():
            wordset.add(word)
            wordset.add(stem(word))
    return wordset - STOP_WORDS


@lru_cache(maxsize=1)
def shipped_compound_parts():
    lines = (DATA_DIR / "compound_parts.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(fold(w) for line in lines if not line.startswith("#") for w in line.split())


def base_analyzer(wordset):
    return (RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map) | CompoundSplitFilter(wordset)
            | StopFilter(stoplist=STOP_WORDS, minsize=1, renumber=False) | StemFilter(stemfn=stem))


def dutch_analyzer(wordset):
    """The index and query analyzer. Synonyms are not in it: they are asked at query time (synonyms.py)."""
    return base_analyzer(wordset)


def plain_analyzer():
    """No stemming: the words as written, for 'Bedoelde u ...?' suggestions."""
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map) | StopFilter(stoplist=STOP_WORDS, renumber=False)


def analyse(analyzer, text):
    """Terms per word position, the whole word first: [['schuldhulpverlen', 'schuld', 'hulp'], ['meppel']]."""
    positions = {}
    for token in analyzer(text, positions=True):
        terms = positions.setdefault(token.pos, [])
        if token.text not in terms:
            terms.append(token.text)
    return [positions[pos] for pos in sorted(positions)]
