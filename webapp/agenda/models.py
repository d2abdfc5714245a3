"""An activity of a voorziening: a koffieochtend, a spreekuur, de week van de mantelzorg."""
from datetime import date, time

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db
from webapp.models_base import Timestamps, uuid_pk


class Activity(Timestamps, db.Model):
    """Dates and times are Europe/Amsterdam wall-clock time. `rrule` is an iCalendar RRULE ("FREQ=WEEKLY;
    UNTIL=20270630T235959"), None for a one-off. Without a place of its own it is at the voorziening's place."""

    __tablename__ = "activities"
    __search_kind__ = "activity"

    id: Mapped[str] = uuid_pk()
    service_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    starts_on: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    rrule: Mapped[str | None] = mapped_column(String(300))
    place_name: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))  # what the beheerder typed: "Kerkplein 1, Meppel"
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}

    service = relationship("Service")

    @property
    def elsewhere(self):
        return bool(self.address)

    @property
    def point(self):
        if self.elsewhere:
            return (self.latitude, self.longitude) if self.latitude is not None else None
        location = self.service.location
        return location.point if location else None

    @property
    def place_label(self):
        """Where it is, as text: its own place, else the voorziening's address or woonplaats."""
        if self.elsewhere:
            return ", ".join(filter(None, [self.place_name, self.address]))
        location = self.service.location
        if location is None:
            return self.service.gemeente
        return ", ".join(filter(None, [location.name, location.address, location.woonplaats])) or self.service.gemeente

    def is_searchable(self):
        return True  # an archived voorziening's activities are left out when the search loads the rows

    def search_document(self):
        point = self.point
        return {"title": self.title, "summary": self.description, "body": self.service.name,
                "place": self.place_label, "gemeente": self.service.gemeente,
                "spell": " ".join([self.title, self.description, self.service.name, self.place_label]),
                "lat": point[0] if point else None, "lon": point[1] if point else None}
