"""The facts of every document as numpy arrays (one entry per document number), for callers that filter, measure,
count and order all hits of a search at once instead of one Python object per hit: at 100,000 voorzieningen a
search may have 30,000 hits (../shared/notes/search-profile-2026-12.md).

Built per segment from its facts (segments never change) and joined per searcher. Values that repeat (a gemeente,
a werkgebied, packed hours, a precision, an access) are codes into a list of the distinct values (-1: none); themes
are a boolean row per theme.
"""
import numpy as np

from webapp.search import facts

_segments = {}  # {(segment id, doc count): _Part}, kept by facts.per_segment
CODED = ("access", "gemeente", "area", "hours", "precision")


class Columns:
    """lat, lon (nan without a point); codes[name] with values[name] for CODED; themes {theme: bool array}."""

    def __init__(self, parts):
        self.size = sum(part.size for part in parts)
        self.lat = _joined([part.lat for part in parts], np.float64)
        self.lon = _joined([part.lon for part in parts], np.float64)
        self.values, self.codes = {}, {}
        for name in CODED:
            self.values[name], self.codes[name] = _joined_codes(parts, name)
        self.themes = {}
        for theme in sorted({theme for part in parts for theme in part.themes}):
            self.themes[theme] = _joined([part.themes.get(theme, np.zeros(part.size, bool)) for part in parts], bool)

    def code_of(self, name, value):
        """The code of `value` among the values of `name`, -2 when no document has it (matches nothing)."""
        found = self.values[name]
        return found.index(value) if value in found else -2

    def table(self, name, decide, dtype=np.int8):
        """decide(value) for every distinct value of `name`, as an array to index with the codes (the last entry,
        for code -1, is decide(None))."""
        return np.array([decide(value) for value in self.values[name]] + [decide(None)], dtype=dtype)


def for_searcher(searcher):
    """The Columns of every document the searcher sees (kept on the searcher, which lives until the index
    changes; a new searcher reuses the columns of the segments it shares)."""
    found = searcher.__dict__.get("_buurtkaart_columns")
    if found is None:
        found = searcher._buurtkaart_columns = Columns(
            [_segment_part(leaf.reader()) for leaf, _offset in searcher.leaf_searchers()])
    return found


class _Part:
    """One segment's columns, its codes into its own lists of values."""

    def __init__(self, known):
        self.size = len(known)
        points = [found.point if found is not None and found.point is not None else (np.nan, np.nan)
                  for found in known]
        self.lat = np.array([point[0] for point in points], dtype=np.float64)
        self.lon = np.array([point[1] for point in points], dtype=np.float64)
        self.values, self.codes = {}, {}
        for name in CODED:
            self.values[name], self.codes[name] = _codes([_fact(found, name) for found in known])
        self.themes = {}
        for docnum, found in enumerate(known):
            for theme in found.themes if found is not None else ():
                self.themes.setdefault(theme, np.zeros(self.size, bool))[docnum] = True


def _fact(found, name):
    return None if found is None else getattr(found, name)


def _codes(items):
    values, index = [], {}
    codes = np.empty(len(items), dtype=np.int32)
    for position, item in enumerate(items):
        if item is None or item == "":
            codes[position] = -1
            continue
        code = index.get(item)
        if code is None:
            code = index[item] = len(values)
            values.append(item)
        codes[position] = code
    return values, codes


def _joined_codes(parts, name):
    values, index, joined = [], {}, []
    for part in parts:
        remap = np.empty(len(part.values[name]) + 1, dtype=np.int32)
        for local, value in enumerate(part.values[name]):
            if value not in index:
                index[value] = len(values)
                values.append(value)
            remap[local] = index[value]
        remap[-1] = -1  # code -1 indexes the last entry
        joined.append(remap[part.codes[name]])
    return values, _joined(joined, np.int32)


def _joined(arrays, dtype):
    return np.concatenate(arrays) if arrays else np.zeros(0, dtype=dtype)


def _segment_part(reader):
    return facts.per_segment(_segments, reader, lambda: _Part(facts.segment_facts(reader)))
