"""Searches on the kaart that found nothing, counted by their words only: no person, no session."""
from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from webapp.extensions import db


class MissedSearch(db.Model):
    __tablename__ = "missed_searches"

    text: Mapped[str] = mapped_column(String(200), primary_key=True)  # normalised: folded, single spaces
    count: Mapped[int] = mapped_column(Integer, default=0)
    first_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
