"""Session events: log every change of a searchable row in its own transaction, apply the log after commit."""
from flask import current_app
from sqlalchemy import event, inspect, text
from sqlalchemy.orm import Session

from webapp.models_base import new_uuid, utcnow
from webapp.search.models import DELETE, UPSERT, IndexLog
from webapp.search.registry import search_targets

PENDING = "search_log_written"


def register():
    if not event.contains(Session, "before_flush", _log_changes):
        event.listen(Session, "before_flush", _log_changes)
        event.listen(Session, "after_commit", _apply_after_commit)
        event.listen(Session, "after_rollback", _forget)


def _log_changes(session, _flush_context, _instances):
    changes = _collect(session)
    if not changes:
        return
    _serialize_log_writers(session)
    for target, operation in changes.items():
        if target.id is None:
            target.id = new_uuid()
        if operation == UPSERT and inspect(target).persistent:
            # Bump the row's version even when only a related row (hours, themes, location) changed.
            target.updated_at = utcnow()
        session.add(IndexLog(kind=target.__search_kind__, row_id=target.id, operation=operation))
    session.info[PENDING] = True


def _collect(session):
    changes = {}
    for obj in list(session.new) + [o for o in session.dirty if session.is_modified(o)]:
        for target in search_targets(obj):
            changes.setdefault(target, UPSERT)
    for obj in session.deleted:
        for target in search_targets(obj):
            changes[target] = DELETE if target is obj or target in session.deleted else UPSERT
    return changes


def _serialize_log_writers(session):
    """Log ids must follow commit order, or an applier could skip a row that commits after a higher id.

    SQLite already holds one write lock until commit; PostgreSQL gets a transaction-scoped advisory lock.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(7305, 1)"))


def _apply_after_commit(session):
    if session.info.pop(PENDING, False):
        from webapp.search import applier
        applier.catch_up(current_app._get_current_object())


def _forget(session):
    session.info.pop(PENDING, None)
