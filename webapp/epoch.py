"""The database's epoch: one id that changes whenever the database is replaced (a restore), never otherwise.

Derived data kept outside the database (each server's search index) records the epoch it was built from; data
of another epoch belongs to another database and is rebuilt, even when its log positions happen to fit.
"""
from datetime import datetime

from sqlalchemy import DateTime, Integer, String, select
from sqlalchemy.orm import Mapped, mapped_column

from webapp.extensions import db
from webapp.models_base import new_uuid, utcnow


class DatabaseEpoch(db.Model):
    """A single row (id 1), made by the migration and replaced by `flask restore`."""

    __tablename__ = "database_epoch"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    epoch: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def current_epoch(session):
    """The epoch id of the database the session talks to ("" on a database without the row)."""
    return session.execute(select(DatabaseEpoch.epoch).where(DatabaseEpoch.id == 1)).scalar() or ""


def start_new_epoch(session, reason):
    """Give the database a new epoch (after a restore) and commit; returns the new id."""
    row = session.get(DatabaseEpoch, 1) or DatabaseEpoch(id=1)
    row.epoch, row.reason, row.started_at = new_uuid(), reason[:200], utcnow()
    session.add(row)
    session.commit()
    return row.epoch
