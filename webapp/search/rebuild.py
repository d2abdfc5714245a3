"""Rebuild an index from the database, and compare an index with the database."""
import gc
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from webapp.epoch import current_epoch
from webapp.extensions import db
from webapp.search.analysis import build_wordset
from webapp.search.log import head, record_position
from webapp.search.registry import document_for, searchable_models
from webapp.search.schema import META_KEY, TEXT_FIELDS


def reindex(app):
    """Everything from the database into a new folder, swapped in; returns the number of documents."""
    index = app.extensions["search_index"]
    with Session(db.engine) as session:
        position = head(session)  # read first: anything committed later is applied from the log
        epoch = current_epoch(session)
        with _without_garbage_collection():
            documents = [document_for(row) for row in _searchable_rows(session)]
        wordset = build_wordset(doc.get(name, "") for doc in documents for name in TEXT_FIELDS)
        index.rebuild(wordset, documents, position, epoch)
        record_position(session, index.path, position)
    return len(documents)


@contextmanager
def _without_garbage_collection():
    """Loading every row makes millions of objects, all still in use: the collector's passes over them were a third
    of the loading's time at 60,000 documents (the session frees them afterwards)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _searchable_rows(session):
    """Every searchable row, with what its document reads loaded in a few queries (`search_load_options`), not
    one query per row and relation."""
    for model in searchable_models().values():
        options = model.search_load_options() if hasattr(model, "search_load_options") else ()
        for row in session.scalars(select(model).options(*options)):
            if row.is_searchable():
                yield row


@dataclass
class Verification:
    missing: list = field(default_factory=list)
    extra: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    position: int = 0
    head: int = 0

    @property
    def ok(self):
        return not (self.missing or self.extra or self.stale)


def verify(app):
    """Compare ids and versions of the database's searchable rows with the documents in the index."""
    index = app.extensions["search_index"]
    searcher = index.searcher()
    live = searcher.reader().iter_docs()  # skips deleted documents, unlike all_stored_fields()
    indexed = {doc["key"]: doc.get("version") for _num, doc in live if doc["key"] != META_KEY}
    with Session(db.engine) as session:
        expected = {f"{row.__search_kind__}:{row.id}": row.version for row in _searchable_rows(session)}
        result = Verification(position=index.meta().position, head=head(session))
    result.missing = sorted(set(expected) - set(indexed))
    result.extra = sorted(set(indexed) - set(expected))
    result.stale = sorted(key for key in set(expected) & set(indexed) if expected[key] != indexed[key])
    return result
