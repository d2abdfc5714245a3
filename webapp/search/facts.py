"""What a search needs of every hit besides its score, kept in one column per document (not in stored fields):
reading the facts of 30,000 hits from stored fields took 18 % of a search at 100,000 documents (../shared/notes).

A segment's column is read once and kept while the segment lives (segments never change; a write adds a new one),
so a search reads a hit's facts from a Python list.
"""
from typing import NamedTuple

SEPARATOR = "\x1f"
NAMES = ("row_id", "title", "slug", "themes", "access", "gemeente", "area", "lat", "lon", "precision", "hours",
         "published")
ONLY_HERE = ("hours", "published")  # facts that are no field of the schema
_segments = {}  # {(segment id, doc count): [Facts]}
MAX_SEGMENTS = 256


class Facts(NamedTuple):
    row_id: str
    title: str
    slug: str
    themes: frozenset
    access: str | None
    gemeente: str | None
    area: frozenset  # folded gemeente names of the werkgebied
    point: tuple | None
    precision: str | None
    hours: str  # the weekly slots and dated exceptions (see encode_hours in the feature that has hours), or ""
    published: str  # when a post was first open, as text that sorts in time order (UTC), or ""


def encode(document):
    """The column value of an index document (its other fields as the registry made them)."""
    values = [document.get(name) for name in NAMES]
    return SEPARATOR.join("" if value is None else str(value) for value in values).encode("utf-8")


def decode(value):
    if not value:
        return None
    row_id, title, slug, themes, access, gemeente, area, lat, lon, precision, hours, published = \
        value.decode("utf-8").split(SEPARATOR)
    return Facts(row_id, title, slug, frozenset(filter(None, themes.split(","))), access or None, gemeente or None,
                 frozenset(filter(None, area.split(","))), (float(lat), float(lon)) if lat and lon else None,
                 precision or None, hours, published)


def for_searcher(searcher):
    """[Facts or None] by document number, for every document the searcher sees (kept on the searcher)."""
    found = getattr(searcher, "_buurtkaart_facts", None)
    if found is None:
        found = []
        for leaf, _offset in searcher.leaf_searchers():
            found += segment_facts(leaf.reader())
        searcher._buurtkaart_facts = found
    return found


def segment_facts(reader):
    """[Facts or None] by document number within the segment, read once while the segment lives."""
    return per_segment(_segments, reader, lambda: [decode(value) for value in
                                                   reader.column_reader("facts", translate=False)])


def per_segment(kept, reader, build):
    """What `build()` makes of this segment, made once: `kept` maps (segment id, doc count) to it (a segment never
    changes; a new one or one with deletions merged away has another key). Emptied at MAX_SEGMENTS."""
    key = (reader.segment().segment_id(), reader.doc_count_all())
    found = kept.get(key)
    if found is None:
        if len(kept) >= MAX_SEGMENTS:
            kept.clear()
        found = kept[key] = build()
    return found
