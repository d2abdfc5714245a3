"""Beheer of the kaart: create, change, archive and restore voorzieningen, with every change audited.

Each function checks and geocodes first, without a lock, then writes in one short write_block() against the
version the beheerder's form was made from (StaleVersion when someone else saved in between). The actor must
work for the voorziening's gemeente (checked here too, not only in the routes).
"""
from dataclasses import dataclass, fields

from flask_babel import gettext as _
from sqlalchemy import select

from webapp import geo
from webapp.database import check_version, write_block
from webapp.directory import areas, audit, languages
from webapp.directory.models import (Location, Organization, Schedule, ScheduleException, Service, ServiceArea,
                                     ServiceAtLocation, TargetGroup, Theme)
from webapp.directory.placement import place
from webapp.directory.vocab import UNKNOWN
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.models_base import utcnow
from webapp.submissions import create_once
from webapp.text import slugify


@dataclass(frozen=True)
class ServiceData:
    """What a beheerder fills in for a voorziening (the form, or one CSV row)."""

    name: str
    gemeente: str
    service_area: tuple = ()  # gemeenten or (NATIONAL,); empty: its own gemeente only
    summary: str = ""
    description: str = ""
    access_route: str = "onbekend"
    layer: str | None = None
    themes: tuple = ()
    target_groups: tuple = ()
    organization_name: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    languages: str | None = None
    free_of_charge: str = "onbekend"
    cost_note: str | None = None
    volunteers: str = "onbekend"
    location_name: str | None = None
    address: str | None = None
    postcode: str | None = None
    woonplaats: str | None = None
    wheelchair_access: str = "onbekend"
    last_checked_on: object = None
    closed_until: object = None  # "tijdelijk gesloten" up to and including this date
    closed_note: str | None = None
    notice: str | None = None  # "let op: verhuisd naar ...", shown up to and including notice_until
    notice_until: object = None
    remote_only: bool = False  # online or by phone only: no point on the map

    @classmethod
    def field_names(cls):
        return [f.name for f in fields(cls)]


@dataclass(frozen=True)
class Slot:
    weekday: int
    opens: object
    closes: object


@dataclass(frozen=True)
class DayException:
    day: object
    closed: bool
    opens: object = None
    closes: object = None
    note: str | None = None


def current_data(service):
    """A voorziening as the import reads it: what a row must hold to change nothing."""
    location = service.location
    return ServiceData(
        name=service.name, gemeente=service.gemeente, service_area=service.service_area, summary=service.summary or "",
        description=service.description or "", access_route=service.access_route, layer=service.layer,
        themes=tuple(sorted(theme.slug for theme in service.themes)),
        target_groups=tuple(sorted(group.name for group in service.target_groups)),
        organization_name=service.organization.name if service.organization else None,
        phone=service.phone, email=service.email, website=service.website, languages=service.languages,
        free_of_charge=service.free_of_charge, cost_note=service.cost_note, volunteers=service.volunteers,
        location_name=location and location.name, address=location and location.address,
        postcode=location and location.postcode, woonplaats=location and location.woonplaats,
        wheelchair_access=location.wheelchair_access if location else UNKNOWN,
        last_checked_on=service.last_checked_on, closed_until=service.closed_until, closed_note=service.closed_note,
        notice=service.notice, notice_until=service.notice_until, remote_only=service.remote_only,
    )


def create_service(actor, data, action=audit.CREATED, submission=None):
    """A new voorziening; the same form submission twice makes one (webapp.submissions)."""
    found = prepare(actor, None, data)
    return create_once(submission, Service, lambda: add_service(actor, data, found, action))


def update_service(actor, service, data, action=audit.CHANGED, seen_version=None):
    """Change a voorziening; returns the audited changes (empty when nothing changed)."""
    found = prepare(actor, service, data)
    with write_block():
        check_version(service, seen_version)
        return change_service(actor, service, data, found, action)


def prepare(actor, service, data):
    """Checks and geocoding, before any lock: where the voorziening will be (KEEP: where it is)."""
    if service is not None:
        check_gemeente(actor, service.gemeente)
    check_gemeente(actor, data.gemeente)
    _check_status(data)
    _area(actor, data)
    languages.names_of(data.languages)  # RuleViolation for a language not on the list
    return _locate(data) if service is None or _moved(service.location, data) else KEEP


def add_service(actor, data, found, action=audit.CREATED):
    """Inside a write_block(): the new voorziening, placed at `found` (from prepare), audited."""
    service = Service(slug=_free_slug(data.name))
    service.locations.append(ServiceAtLocation(location=Location(gemeente=data.gemeente)))
    db.session.add(service)
    _apply(actor, service, data, found)
    db.session.flush()
    audit.record(actor, service, action, {}, audit.snapshot(service))
    return service


def change_service(actor, service, data, found, action=audit.CHANGED, slots=None, exceptions=None):
    """Inside a write_block(): apply `data` (and `found`, from prepare) and, when given, new weekly `slots` and
    dated `exceptions`, as one audited change; returns the audited changes."""
    check_gemeente(actor, service.gemeente)
    _check_hours(slots or [], exceptions or [])
    before = audit.snapshot(service)
    _apply(actor, service, data, found)
    if slots is not None:
        service.schedules = _schedules(slots)
    if exceptions is not None:
        service.schedule_exceptions = _exceptions(exceptions)
    db.session.flush()
    return audit.record(actor, service, action, before, audit.snapshot(service))


def archive_service(actor, service):
    """Out of search and API at once; restorable."""
    _set_archived(actor, service, utcnow(), audit.ARCHIVED)


def restore_service(actor, service):
    _set_archived(actor, service, None, audit.RESTORED)


def set_hours(actor, service, slots, exceptions, open_on_holidays=None, seen_version=None):
    """Replace the weekly slots and dated exceptions (Europe/Amsterdam wall-clock times); `open_on_holidays`
    True or False says whether public holidays close it (None: leave as it is)."""
    check_gemeente(actor, service.gemeente)
    _check_hours(slots, exceptions)
    with write_block():
        check_version(service, seen_version)
        before = audit.snapshot(service)
        service.schedules = _schedules(slots)
        service.schedule_exceptions = _exceptions(exceptions)
        if open_on_holidays is not None:
            service.open_on_holidays = open_on_holidays
        db.session.flush()
        changes = audit.record(actor, service, audit.CHANGED, before, audit.snapshot(service))
    return changes


def _schedules(slots):
    return [Schedule(weekday=s.weekday, opens=s.opens, closes=s.closes) for s in slots]


def _exceptions(days):
    return [ScheduleException(day=e.day, closed=e.closed, opens=e.opens, closes=e.closes, note=e.note) for e in days]


def _set_archived(actor, service, archived_at, action):
    check_gemeente(actor, service.gemeente)
    with write_block():
        check_version(service, None)
        if (service.archived_at is None) == (archived_at is None):
            return  # already so: nothing to change, nothing to log
        before = audit.snapshot(service)
        service.archived_at = archived_at
        db.session.flush()
        audit.record(actor, service, action, before, audit.snapshot(service))


def check_gemeente(actor, gemeente):
    if not actor.works_for(gemeente):
        raise RuleViolation([("gemeente", _("U beheert geen voorzieningen in de gemeente %(gemeente)s.",
                                            gemeente=gemeente))])


def _check_status(data):
    """A closure and a notice end by themselves, so each needs its end date."""
    problems = []
    if data.closed_note and data.closed_until is None:
        problems.append(("closed_until", _("Vul in tot en met welke dag de voorziening gesloten is.")))
    if data.notice and data.notice_until is None:
        problems.append(("notice_until", _("Vul in tot en met welke dag de mededeling op de site staat.")))
    if problems:
        raise RuleViolation(problems)


def _check_hours(slots, exceptions):
    problems = []
    if any(not 0 <= slot.weekday <= 6 for slot in slots):
        problems.append(("hours", _("Kies een dag van maandag tot en met zondag.")))
    days = [e.day for e in exceptions]
    if len(days) != len(set(days)):
        problems.append(("exceptions", _("Elke datum mag maar één keer voorkomen.")))
    if any(not e.closed and (e.opens is None or e.closes is None) for e in exceptions):
        problems.append(("exceptions", _("Vul bij een datum de tijden in, of kies 'gesloten'.")))
    if problems:
        raise RuleViolation(problems)


def _apply(actor, service, data, found):
    for name in ("name", "gemeente", "summary", "description", "access_route", "layer", "phone", "email",
                 "website", "free_of_charge", "cost_note", "volunteers", "last_checked_on",
                 "closed_until", "closed_note", "notice", "notice_until", "remote_only"):
        setattr(service, name, getattr(data, name))
    service.languages = languages.stored(languages.names_of(data.languages))
    themes = (db.session.get(Theme, slug) for slug in dict.fromkeys(data.themes))
    service.themes = [theme for theme in themes if theme]
    service.target_groups = [_named(TargetGroup, name) for name in dict.fromkeys(data.target_groups)]
    service.organization = _named(Organization, data.organization_name) if data.organization_name else None
    _apply_area(actor, service, data)
    _apply_location(service.location, data, found)


def _area(actor, data):
    """The werkgebied to store (RuleViolation for a gemeente we do not know)."""
    return areas.normalize(data.service_area, data.gemeente, also_known=actor.gemeenten)


def _apply_area(actor, service, data):
    names = _area(actor, data)
    if [area.name for area in service.areas] != list(names):
        service.areas = [ServiceArea(name=name) for name in names]


KEEP = object()  # "the location did not move: keep its point"


def _moved(location, data):
    """Whether the saved words of the place differ from the new ones (or it was never placed)."""
    return location is None or location.precision is None or (
        location.address, location.postcode, location.woonplaats, location.name, location.gemeente) != (
        data.address, data.postcode, data.woonplaats, data.location_name, data.gemeente)


def _locate(data):
    """Geocode before the write lock is taken: an online geocoder may take a second (and takes its own rows)."""
    return place(data.gemeente, woonplaats=data.woonplaats, location_name=data.location_name,
                 address=data.address, postcode=data.postcode, lookup=geo.locate_for_saving)


def _apply_location(location, data, found):
    if found is KEEP and _moved(location, data):
        found = _locate(data)  # moved by someone else meanwhile, and the caller checked no version: rare
    location.name, location.address, location.postcode = data.location_name, data.address, data.postcode
    location.woonplaats, location.gemeente = data.woonplaats, data.gemeente
    location.wheelchair_access = data.wheelchair_access
    if found is not KEEP:
        location.latitude = found.latitude if found else None
        location.longitude = found.longitude if found else None
        location.precision = found.precision if found else None


def _named(model, name):
    return db.session.scalar(select(model).where(model.name == name)) or model(name=name)


def _free_slug(name):
    base = slugify(name) or "voorziening"
    taken = set(db.session.scalars(select(Service.slug).where(Service.slug.like(f"{base}%"))))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
