"""Apply the index log to this process's index folder: the only code that writes index documents.

Any process may apply after its commit; Whoosh allows one writer, so a busy lock just leaves the work to the
next writer or to `flask search follow`. Applying is idempotent (update by key), so a crash between the
database commit and the index commit only means the same rows are applied again later.
"""
import logging
import os
import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from webapp.epoch import current_epoch
from webapp.extensions import db
from webapp.search import log as index_log
from webapp.search.index import meta_document
from webapp.search.models import IndexLog
from webapp.search.registry import document_for, searchable_models

logger = logging.getLogger(__name__)
BATCH = 500
FAULT_ENV = "BUURTKAART_TEST_FAULT"  # tests only: "stop-before-index-commit" freezes the applier there
FAULT_MARK_ENV = "BUURTKAART_TEST_FAULT_MARK"  # tests only: a file written when the fault point is reached


class NeedsRebuild(Exception):
    """The index cannot follow the log (pruned past it, ahead of it, another database epoch, older schema)."""


def catch_up(app, lock_timeout=0.2, rebuild=True):
    """Apply the log up to its head; returns how many log rows were applied, or None when the lock was busy.

    When the index cannot follow the log (after a restore, say), it is rebuilt from the database, once: by the
    one process that gets the rebuild lock; the others go on with the old index meanwhile. With
    `rebuild=False` NeedsRebuild is raised instead.
    """
    index = app.extensions["search_index"]
    try:
        return _apply(index, lock_timeout)
    except NeedsRebuild as reason:
        if not rebuild:
            raise
        return _rebuild_once(app, index, reason)


def _rebuild_once(app, index, reason):
    from webapp.search.rebuild import reindex
    with index.rebuild_lock() as mine:
        if not mine:
            return None
        with Session(db.engine) as session:
            try:
                _checked_position(index, session)
                return 0  # another process rebuilt it while we waited
            except NeedsRebuild:
                pass
        logger.warning("search index %s: %s; rebuilding from the database", index.path, reason)
        reindex(app)
        return 0


def _apply(index, lock_timeout):
    with index.writer(lock_timeout) as writer:
        if writer is None:
            return None
        with Session(db.engine) as session:
            position, epoch = _checked_position(index, session)
            new_position = _apply_rows(session, writer, position)
            if index_log.floor(session) > position:  # pruned while we read: rows may be missing
                raise NeedsRebuild("the log was pruned past this index while it was applied")
            if new_position == position:
                writer.cancel()
                return 0
            writer.update_document(**meta_document(new_position, epoch))
            _fault_point("stop-before-index-commit")
            writer.commit()
            index_log.record_position(session, index.path, new_position)
            return new_position - position


def _checked_position(index, session):
    """(position, epoch) of an index that can follow the database's log; else NeedsRebuild."""
    meta = index.meta()
    if meta.schema_version != index.schema_version:
        raise NeedsRebuild(f"index schema {meta.schema_version}, code schema {index.schema_version}")
    epoch = current_epoch(session)
    if not same_database(meta, epoch):
        raise NeedsRebuild(f"the index belongs to database epoch {meta.epoch!r}, the database is {epoch!r} "
                           "(restored?)")
    if meta.position < index_log.floor(session):
        raise NeedsRebuild("the log was pruned past this index")
    if meta.position > index_log.head(session):
        raise NeedsRebuild("the index is ahead of the log (was the database replaced?)")
    return meta.position, epoch


def same_database(meta, epoch):
    """The index was built from the database of this epoch; a new empty index takes the epoch it first follows."""
    return meta.epoch == epoch or (meta.epoch == "" and meta.position == 0)


def _apply_rows(session, writer, position):
    models = searchable_models()
    while True:
        rows = session.execute(
            select(IndexLog.id, IndexLog.kind, IndexLog.row_id)
            .where(IndexLog.id > position).order_by(IndexLog.id).limit(BATCH)
        ).all()
        if not rows:
            return position
        for kind, row_id in dict.fromkeys((row.kind, row.row_id) for row in rows):
            write_document(writer, session.get(models[kind], row_id) if kind in models else None, kind, row_id)
        position = rows[-1].id
        session.expire_all()


def write_document(writer, row, kind, row_id):
    if row is not None and row.is_searchable():
        writer.update_document(**document_for(row))
    else:
        writer.delete_by_term("key", f"{kind}:{row_id}")


def _fault_point(name):
    if os.environ.get(FAULT_ENV) == name:
        logger.error("test fault %s: stopping here until killed", name)
        if os.environ.get(FAULT_MARK_ENV):
            with open(os.environ[FAULT_MARK_ENV], "w") as mark:
                mark.write(name)
        while True:
            time.sleep(3600)
