"""What an operator wants to know, read from the database and this server's index: for /healthz and /metrics."""
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select

from webapp.epoch import current_epoch
from webapp.mail.models import OutboxMail
from webapp.models_base import utcnow
from webapp.ops.models import TimerRun
from webapp.search import log as index_log
from webapp.search.applier import same_database
from webapp.search.models import IndexLog


@dataclass
class IndexState:
    position: int
    head: int
    lag_rows: int
    lag_seconds: float  # age of the oldest log row this index has not applied; 0 when in step
    same_epoch: bool


def index_state(session):
    meta = current_app.extensions["search_index"].meta()
    head = index_log.head(session)
    oldest = session.scalar(select(func.min(IndexLog.created_at)).where(IndexLog.id > meta.position))
    return IndexState(position=meta.position, head=head, lag_rows=max(head - meta.position, 0),
                      lag_seconds=round(_age(oldest), 1) if oldest else 0.0,
                      same_epoch=same_database(meta, current_epoch(session)))


def outbox_state(session):
    """{'pending': mails not sent yet and not refused for good, 'failed': refused for good, 'oldest_pending_seconds'}."""
    pending = (OutboxMail.sent_at.is_(None)) & (OutboxMail.failed_at.is_(None))
    oldest = session.scalar(select(func.min(OutboxMail.created_at)).where(pending))
    return {
        "pending": session.scalar(select(func.count()).select_from(OutboxMail).where(pending)),
        "failed": session.scalar(select(func.count()).select_from(OutboxMail).where(OutboxMail.failed_at.is_not(None))),
        "oldest_pending_seconds": round(_age(oldest), 1) if oldest else 0.0,
    }


def timer_states(session):
    """{name: {...}} of every timer that reported a run; `ok` is False after a failed run or no success in time."""
    limits = timer_limits(current_app.config["TIMER_MAX_AGE_MINUTES"])
    states = {}
    for run in session.scalars(select(TimerRun).order_by(TimerRun.name)):
        max_age = timedelta(minutes=limits.get(run.name, limits[None]))
        since_success = _age(run.last_success_at) if run.last_success_at else None
        states[run.name] = {
            "last_run_at": _iso(run.last_run_at),
            "last_status": run.last_status,
            "last_duration_seconds": round(run.last_duration, 2),
            "last_success_at": _iso(run.last_success_at) if run.last_success_at else None,
            "failures_in_a_row": run.failures_in_a_row,
            "ok": run.last_status == 0 and since_success is not None and since_success <= max_age.total_seconds(),
        }
    return states


def timer_limits(setting):
    """"mail-send-pending=15,1500" -> {"mail-send-pending": 15.0, None: 1500.0} (None: every other timer)."""
    limits = {None: 1500.0}
    for part in str(setting).split(","):
        name, _, minutes = part.strip().rpartition("=")
        if minutes.strip():
            limits[name.strip() or None] = float(minutes)
    return limits


def _age(moment):
    if moment.tzinfo is None:  # SQLite hands back naive UTC
        return (utcnow().replace(tzinfo=None) - moment).total_seconds()
    return (utcnow() - moment).total_seconds()


def _iso(moment):
    return moment.isoformat() if moment.tzinfo else moment.isoformat() + "+00:00"
