"""Apply the index log to this process's index folder: the only code that writes index documents.

Any process may apply after its commit; Whoosh allows one writer, so a busy lock just leaves the work to the
next writer or to `flask search follow`. Applying is idempotent (update by key), so a crash between the
database commit and the index commit only means the same rows are applied again later.
"""
import logging
import os
import socket
import time

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from whoosh.index import LockError

from webapp.database import begin_write
from webapp.extensions import db
from webapp.models_base import utcnow
from webapp.search.index import meta_document
from webapp.search.models import IndexLog, IndexLogFloor, SearchIndexState
from webapp.search.registry import searchable_models

log = logging.getLogger(__name__)
BATCH = 500
FAULT_ENV = "BUURTKAART_TEST_FAULT"  # tests only: "stop-before-index-commit" freezes the applier there


def catch_up(app, lock_timeout=0.2):
    """Apply the log up to its head; returns how many log rows were applied, or None when the lock was busy."""
    index = app.extensions["search_index"]
    ix = index.open()
    try:
        writer = ix.writer(timeout=lock_timeout)
    except LockError:
        return None
    try:
        with Session(db.engine) as session:
            position, index_id = index.meta()
            if position < _floor(session):
                writer.cancel()
                log.warning("search index %s is behind the pruned log: rebuilding", index.path)
                from webapp.search.rebuild import reindex
                reindex(app)
                return 0
            new_position = _apply_rows(session, writer, position)
            if new_position == position:
                writer.cancel()
                return 0
            writer.update_document(**meta_document(new_position, index_id))
            _fault_point("stop-before-index-commit")
            writer.commit()
            record_position(session, index_id, index.path, new_position)
            return new_position - position
    except BaseException:
        _cancel_quietly(writer)
        raise


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


def document_for(row):
    fields = {key: value for key, value in row.search_document().items() if value is not None}
    kind = row.__search_kind__
    return {**fields, "key": f"{kind}:{row.id}", "kind": kind, "row_id": row.id, "version": row.version}


def head(session):
    """The newest log id, also after pruning emptied the log."""
    newest = session.execute(select(func.coalesce(func.max(IndexLog.id), 0))).scalar_one()
    return max(newest, _floor(session))


def _floor(session):
    floor = session.get(IndexLogFloor, 1)
    return floor.pruned_through if floor else 0


def record_position(session, index_id, path, position):
    """Tell the database where this index stands, so pruning never removes rows it still needs."""
    session.rollback()
    begin_write(session)
    state = session.get(SearchIndexState, index_id) or SearchIndexState(id=index_id)
    state.location = f"{socket.gethostname()}:{path}"[:500]
    state.position = max(position, state.position or 0)
    state.updated_at = utcnow()
    session.add(state)
    session.commit()


def prune(session, stale_after_days=7):
    """Delete log rows every live index has applied; an index silent for a week rebuilds when it returns."""
    begin_write(session)
    cutoff = utcnow().timestamp() - stale_after_days * 86400
    positions = [s.position for s in session.scalars(select(SearchIndexState))
                 if _as_timestamp(s.updated_at) >= cutoff]
    if not positions:
        return 0
    through = min(positions)
    floor = session.get(IndexLogFloor, 1) or IndexLogFloor(id=1, pruned_through=0)
    floor.pruned_through = max(floor.pruned_through, through)
    session.add(floor)
    deleted = session.execute(delete(IndexLog).where(IndexLog.id <= through)).rowcount
    session.commit()
    return deleted


def _as_timestamp(moment):
    # SQLite hands back naive datetimes for timezone-aware columns; they were stored as UTC.
    from datetime import timezone
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).timestamp()


def _fault_point(name):
    if os.environ.get(FAULT_ENV) == name:
        log.error("test fault %s: stopping here until killed", name)
        while True:
            time.sleep(3600)


def _cancel_quietly(writer):
    try:
        writer.cancel()
    except Exception:  # the writer may already be closed; the original error matters more
        pass
