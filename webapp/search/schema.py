"""The Whoosh schema shared by every searchable kind (voorzieningen now, voor elkaar posts later).

Points are never NUMERIC: float range fields cost 176 ms per radius query at 100k documents (../shared/notes).
What a search needs of a hit (point, filters, werkgebied, hours) is in the `facts` column (facts.py); the stored
fields serve `search verify` and tools.
"""
from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, ID, KEYWORD, STORED, Schema

from webapp.search.analysis import dutch_analyzer, plain_analyzer
from webapp.search.textfield import FastText

# Name weighs most, then themes, summary, description.
FIELD_BOOSTS = {"title": 6.0, "tags": 3.0, "summary": 2.0, "body": 1.0, "place": 0.5}
TEXT_FIELDS = tuple(FIELD_BOOSTS)
META_KEY = "_meta"
SCHEMA_VERSION = 7  # raise with every change below: an index with another version is rebuilt, not written


def build_schema(wordset):
    analyzer = dutch_analyzer(wordset)
    # Boosts go on the query, not on field_boost: a boosted weight saturates BM25's term frequency and
    # wipes out its length normalisation (every short title then scored the same).
    text_fields = {name: FastText(analyzer=analyzer, stored=name == "title") for name in FIELD_BOOSTS}
    return Schema(
        key=ID(stored=True, unique=True),
        kind=ID(stored=True),
        row_id=ID(stored=True),
        version=STORED,
        slug=STORED,
        spell=FastText(analyzer=plain_analyzer(), spelling=True),
        themes=KEYWORD(stored=True, commas=True),
        access=ID(stored=True),
        gemeente=ID(stored=True),
        area=STORED,  # the werkgebied: folded gemeente names, comma-separated
        lat=STORED,
        lon=STORED,
        precision=STORED,
        position=STORED,
        schema_version=STORED,
        epoch=STORED,  # the database epoch (webapp/epoch.py) the index was built from
        facts=COLUMN(VarBytesColumn()),
        **text_fields,
    )
