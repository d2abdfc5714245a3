"""Answers of the opt-in online geocoder, kept so a place is asked at most once."""
from datetime import datetime, timezone

from sqlalchemy import DateTime, Float, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db
from webapp.models_base import Timestamps, uuid_pk


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


class District(Timestamps, db.Model):
    """A wijk or buurt of a gemeente, as its beheerders define it: a name and its PC6 postcodes (never shipped)."""

    __tablename__ = "districts"
    __table_args__ = (UniqueConstraint("gemeente", "name_key"),)

    id: Mapped[str] = uuid_pk()
    gemeente: Mapped[str] = mapped_column(String(100), index=True)
    name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(String(100), index=True)  # geo.text.key(name): "Haveltermade" -> "haveltermade"
    kind: Mapped[str] = mapped_column(String(10), default="wijk")  # "wijk" or "buurt"

    postcodes = relationship("DistrictPostcode", back_populates="district", cascade="all, delete-orphan",
                             order_by="DistrictPostcode.postcode")


class DistrictPostcode(db.Model):
    __tablename__ = "district_postcodes"

    district_id: Mapped[str] = mapped_column(ForeignKey("districts.id", ondelete="CASCADE"), primary_key=True)
    postcode: Mapped[str] = mapped_column(String(6), primary_key=True, index=True)  # "7941AB"

    district = relationship("District", back_populates="postcodes")
