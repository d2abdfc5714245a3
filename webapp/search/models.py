"""The index log: the one durable path from database changes to every search index."""
from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from webapp.extensions import db
from webapp.models_base import utcnow

# SQLite only autoincrements an INTEGER PRIMARY KEY; PostgreSQL gets a bigint identity.
LOG_ID = BigInteger().with_variant(Integer, "sqlite")

UPSERT, DELETE = "upsert", "delete"


class IndexLog(db.Model):
    """Append-only: one row per changed searchable row, written in the same transaction as the change."""

    __tablename__ = "index_log"
    # AUTOINCREMENT: SQLite would otherwise hand out an id again once pruning emptied the table,
    # and an id at or below an index's position is never applied.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(LOG_ID, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    operation: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SearchIndexState(db.Model):
    """Where each known index folder stands in the log; the log is pruned only below all of them."""

    __tablename__ = "search_indexes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    location: Mapped[str] = mapped_column(String(500))
    position: Mapped[int] = mapped_column(LOG_ID, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class IndexLogFloor(db.Model):
    """A single row: every log id at or below `pruned_through` is gone; an index behind it must be rebuilt."""

    __tablename__ = "index_log_floor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pruned_through: Mapped[int] = mapped_column(LOG_ID, default=0)
