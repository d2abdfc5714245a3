"""Session events: log every change of a searchable row in its own transaction, apply the log after commit
(inline, or in the background inside a request: background.py).

Changes are noticed before each flush (where the row's version is bumped too), and the log rows are written
just before the commit: on PostgreSQL that is where the lock that orders log ids is taken, so it is held
only for the commit itself, not for the rest of a long transaction.
"""
import logging

from flask import current_app
from sqlalchemy import event, inspect, text
from sqlalchemy.orm import Session

from webapp.models_base import new_uuid, utcnow
from webapp.search.models import DELETE, UPSERT, IndexLog
from webapp.search.registry import search_targets

log = logging.getLogger(__name__)
CHANGES = "search_changes"  # session.info key: {(kind, row id): operation} waiting for the commit
APPLY = "search_apply_after_commit"  # session.info key: the log position this commit wrote up to


def register():
    if not event.contains(Session, "before_flush", _note_changes):
        event.listen(Session, "before_flush", _note_changes)
        event.listen(Session, "before_commit", _write_log)
        event.listen(Session, "after_commit", _apply_after_commit)
        event.listen(Session, "after_rollback", _forget)


def _note_changes(session, _flush_context, _instances):
    changes = session.info.setdefault(CHANGES, {})
    for target, operation in _collect(session).items():
        if target.id is None:
            target.id = new_uuid()
        if operation == UPSERT and inspect(target).persistent:
            # Bump the row's version even when only a related row (hours, themes, location) changed.
            target.updated_at = utcnow()
        changes[(target.__search_kind__, target.id)] = operation


def _collect(session):
    changes = {}
    for obj in list(session.new) + [o for o in session.dirty if session.is_modified(o)]:
        for target in search_targets(obj):
            changes.setdefault(target, UPSERT)
    for obj in session.deleted:
        for target in search_targets(obj):
            changes[target] = DELETE if target is obj or target in session.deleted else UPSERT
    return changes


def _write_log(session):
    session.flush()  # the last changes are noticed by _note_changes before they are logged
    changes = session.info.pop(CHANGES, None)
    if not changes:
        return
    _serialize_log_writers(session)
    rows = [IndexLog(kind=kind, row_id=row_id, operation=operation) for (kind, row_id), operation in changes.items()]
    session.add_all(rows)
    session.flush()
    session.info[APPLY] = max(row.id for row in rows)


def _serialize_log_writers(session):
    """Log ids must follow commit order, or an applier could skip a row that commits after a higher id.

    SQLite already holds one write lock until commit; PostgreSQL gets a transaction-scoped advisory lock.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(7305, 1)"))


def _apply_after_commit(session):
    position = session.info.pop(APPLY, None)
    if position is None:
        return
    from webapp.search import background
    try:
        background.after_commit(current_app._get_current_object(), position)
    except Exception:  # the write is committed and logged; the next writer or `search follow` applies it
        log.exception("applying the index log after a commit failed; it stays in the log")


def _forget(session):
    session.info.pop(CHANGES, None)
    session.info.pop(APPLY, None)
