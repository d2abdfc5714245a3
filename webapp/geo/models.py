"""Answers of the opt-in online geocoder, kept so a place is asked at most once."""
from datetime import datetime, timezone

from sqlalchemy import DateTime, Float, String
from sqlalchemy.orm import Mapped, mapped_column

from webapp.extensions import db


def utcnow():
    return datetime.now(timezone.utc)


class GeocodeCache(db.Model):
    __tablename__ = "geocode_cache"

    query_key: Mapped[str] = mapped_column(String(300), primary_key=True)
    provider: Mapped[str] = mapped_column(String(40))
    address: Mapped[str] = mapped_column(String(500))
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    precision: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class GeocodeThrottle(db.Model):
    """One row per online provider: when the whole site last asked it (its usage policy is per application)."""

    __tablename__ = "geocode_throttle"

    provider: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_request_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
