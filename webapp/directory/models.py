"""The sociale kaart, shaped after Open Referral HSDS 3.0: organisation, service, location, schedules."""
from datetime import date, datetime, time

from sqlalchemy import (Boolean, Column, Date, DateTime, Float, ForeignKey, Integer, SmallInteger, String, Table,
                        Text, Time, false)
from sqlalchemy.orm import Mapped, mapped_column, relationship, selectinload

from webapp.directory.vocab import UNKNOWN
from webapp.extensions import db
from webapp.models_base import Timestamps, uuid_pk

service_themes = Table(
    "service_themes", db.metadata,
    Column("service_id", ForeignKey("services.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_slug", ForeignKey("themes.slug"), primary_key=True),
)
service_target_groups = Table(
    "service_target_groups", db.metadata,
    Column("service_id", ForeignKey("services.id", ondelete="CASCADE"), primary_key=True),
    Column("target_group_id", ForeignKey("target_groups.id"), primary_key=True),
)


class Theme(db.Model):
    __tablename__ = "themes"

    slug: Mapped[str] = mapped_column(String(60), primary_key=True)
    label: Mapped[str] = mapped_column(String(120))

    services = relationship("Service", secondary=service_themes, viewonly=True)

    def search_parents(self):
        return self.services


class TargetGroup(db.Model):
    __tablename__ = "target_groups"

    id: Mapped[str] = uuid_pk()
    name: Mapped[str] = mapped_column(String(120), unique=True)

    services = relationship("Service", secondary=service_target_groups, viewonly=True)

    def search_parents(self):
        return self.services


class Organization(Timestamps, db.Model):
    __tablename__ = "organizations"

    id: Mapped[str] = uuid_pk()
    name: Mapped[str] = mapped_column(String(200), unique=True)
    website: Mapped[str | None] = mapped_column(String(300))
    email: Mapped[str | None] = mapped_column(String(200))

    services = relationship("Service", back_populates="organization")

    def search_parents(self):
        return self.services


class Location(Timestamps, db.Model):
    """A place; its point is only as precise as what is known (precision), or absent."""

    __tablename__ = "locations"

    id: Mapped[str] = uuid_pk()
    name: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(7))
    woonplaats: Mapped[str | None] = mapped_column(String(100))
    gemeente: Mapped[str] = mapped_column(String(100), index=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    precision: Mapped[str | None] = mapped_column(String(20))
    wheelchair_access: Mapped[str] = mapped_column(String(8), default=UNKNOWN)

    services = relationship("ServiceAtLocation", back_populates="location")

    def search_parents(self):
        return [link.service for link in self.services]

    @property
    def point(self):
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)


class ServiceAtLocation(db.Model):
    __tablename__ = "service_at_locations"

    id: Mapped[str] = uuid_pk()
    service_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[str] = mapped_column(ForeignKey("locations.id"), index=True)

    service = relationship("Service", back_populates="locations")
    location = relationship("Location", back_populates="services")

    def search_parents(self):
        return [self.service]


class Service(Timestamps, db.Model):
    """A voorziening. `version` goes up on every change; the search index stores it to spot stale documents."""

    __tablename__ = "services"
    __search_kind__ = "service"

    id: Mapped[str] = uuid_pk()
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    gemeente: Mapped[str] = mapped_column(String(100), index=True)
    organization_id: Mapped[str | None] = mapped_column(ForeignKey("organizations.id"))
    access_route: Mapped[str] = mapped_column(String(20), default=UNKNOWN)
    layer: Mapped[str | None] = mapped_column(String(30))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    website: Mapped[str | None] = mapped_column(String(300))
    languages: Mapped[str | None] = mapped_column(String(200))  # None: nobody knows
    free_of_charge: Mapped[str] = mapped_column(String(8), default=UNKNOWN)
    cost_note: Mapped[str | None] = mapped_column(String(300))
    volunteers: Mapped[str] = mapped_column(String(8), default=UNKNOWN)
    source_document: Mapped[str | None] = mapped_column(String(200))
    source_year: Mapped[int | None] = mapped_column(Integer)
    source_lines: Mapped[str | None] = mapped_column(String(40))
    last_checked_on: Mapped[date | None] = mapped_column(Date)
    open_on_holidays: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # "Tijdelijk gesloten" up to and including closed_until (with an optional note), and a short notice ("let op:
    # verhuisd naar ...") shown up to and including notice_until: both end by themselves.
    closed_until: Mapped[date | None] = mapped_column(Date)
    closed_note: Mapped[str | None] = mapped_column(String(300))
    notice: Mapped[str | None] = mapped_column(String(200))
    notice_until: Mapped[date | None] = mapped_column(Date)
    # Online or by phone only: no place to visit, so no point on the map (found by its werkgebied).
    remote_only: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    archived_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    demo_fingerprint: Mapped[str | None] = mapped_column(String(64))  # the content as `demo load` left it

    __mapper_args__ = {"version_id_col": version}

    organization = relationship("Organization", back_populates="services")
    themes = relationship("Theme", secondary=service_themes, order_by="Theme.slug")
    target_groups = relationship("TargetGroup", secondary=service_target_groups, order_by="TargetGroup.name")
    locations = relationship("ServiceAtLocation", back_populates="service", cascade="all, delete-orphan")
    schedules = relationship("Schedule", back_populates="service", cascade="all, delete-orphan",
                             order_by="(Schedule.weekday, Schedule.opens)")
    schedule_exceptions = relationship("ScheduleException", back_populates="service",
                                       cascade="all, delete-orphan", order_by="ScheduleException.day")
    areas = relationship("ServiceArea", back_populates="service", cascade="all, delete-orphan",
                         order_by="ServiceArea.name")

    @property
    def service_area(self):
        """Who it is for: gemeente names, or (NATIONAL,); its own gemeente when nothing is stored."""
        return tuple(area.name for area in self.areas) or (self.gemeente,)

    def closed_on(self, day):
        """Whether `day` falls in a "tijdelijk gesloten" period."""
        return self.closed_until is not None and day <= self.closed_until

    def notice_on(self, day):
        """The short notice while it lasts, else None."""
        return self.notice if self.notice and self.notice_until is not None and day <= self.notice_until else None

    @property
    def visit_point(self):
        """Where a resident can go: the main location's point; None for a voorziening online or by phone only."""
        location = self.location
        return None if self.remote_only or location is None else location.point

    @property
    def location(self):
        """The main location (the first one); None when the service has no place at all."""
        return self.locations[0].location if self.locations else None

    def is_searchable(self):
        return self.archived_at is None

    @classmethod
    def search_load_options(cls):
        """What search_document reads, loaded for many rows at once (a reindex)."""
        return (selectinload(cls.themes), selectinload(cls.target_groups), selectinload(cls.organization),
                selectinload(cls.areas), selectinload(cls.schedules), selectinload(cls.schedule_exceptions),
                selectinload(cls.locations).selectinload(ServiceAtLocation.location))

    def search_document(self):
        """Fields copied into the Whoosh index; the database stays the source of truth."""
        from webapp.directory.documents import service_document
        return service_document(self)


class ServiceArea(db.Model):
    """One gemeente whose residents a voorziening is for, or NATIONAL (HSDS 3.0 `service_area`, by name)."""

    __tablename__ = "service_areas"

    id: Mapped[str] = uuid_pk()
    service_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))

    service = relationship("Service", back_populates="areas")

    def search_parents(self):
        return [self.service]


class Schedule(db.Model):
    """A weekly opening slot in Europe/Amsterdam time; closes <= opens means it runs past midnight."""

    __tablename__ = "schedules"

    id: Mapped[str] = uuid_pk()
    service_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(SmallInteger)  # 0 = maandag
    opens: Mapped[time] = mapped_column(Time)
    closes: Mapped[time] = mapped_column(Time)

    service = relationship("Service", back_populates="schedules")

    def search_parents(self):
        return [self.service]


class ScheduleException(db.Model):
    """A dated change: closed all day (holiday), or other hours that day."""

    __tablename__ = "schedule_exceptions"

    id: Mapped[str] = uuid_pk()
    service_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date)
    closed: Mapped[bool] = mapped_column(Boolean)
    opens: Mapped[time | None] = mapped_column(Time)
    closes: Mapped[time | None] = mapped_column(Time)
    note: Mapped[str | None] = mapped_column(String(200))

    service = relationship("Service", back_populates="schedule_exceptions")

    def search_parents(self):
        return [self.service]


# Searches on the kaart that found nothing, counted by their words only: no person, no session.
class MissedSearch(db.Model):
    __tablename__ = "missed_searches"

    text: Mapped[str] = mapped_column(String(200), primary_key=True)  # normalised: folded, single spaces
    count: Mapped[int] = mapped_column(Integer, default=0)
    first_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
