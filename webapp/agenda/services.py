"""Finding activities (words through the index, place and period from the database) and keeping them up."""
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from webapp import geo, search
from webapp.agenda.models import Activity
from webapp.agenda.recurrence import DEFAULT_PERIOD, PERIODS, occurrences, window
from webapp.errors import RuleViolation
from webapp.extensions import db

DEFAULT_RADIUS_KM = 10
THIS_WEEK = re.compile(r"\bdeze\s+week\b", re.I)
SERVICE_PAGE_WEEKS = 8
SERVICE_PAGE_SHOWN = 6


@dataclass(frozen=True)
class AgendaQuery:
    text: str = ""
    near: str = ""
    period: str = DEFAULT_PERIOD
    radius_km: float = DEFAULT_RADIUS_KM


@dataclass
class Occurrence:
    activity: Activity
    starts_at: datetime  # local wall-clock time
    distance_km: float | None = None


@dataclass
class AgendaResults:
    occurrences: list  # [Occurrence], soonest first
    activities: list  # [Activity] with an occurrence in the period (the feed)
    place: object = None
    period: str = DEFAULT_PERIOD


def search_activities(query, today=None):
    """The occurrences of activities that match the words, lie near the place and fall in the period.

    "deze week" among the words asks for this week. Raises RuleViolation (from geo) for an unknown place."""
    text, period = query.text, query.period
    if THIS_WEEK.search(text):
        text, period = " ".join(THIS_WEEK.sub(" ", text).split()), "deze-week"
    place = geo.locate(query.near) if query.near.strip() else None
    hits = search.search_kind(Activity.__search_kind__, text).hits
    activities = [a for a in _load([hit.row_id for hit in hits]) if a.service.archived_at is None]
    start, end = window(period, today)
    found, kept = [], []
    for activity in activities:
        distance = geo.distance_km(place.point, activity.point) if place and activity.point else None
        if place and not _near(activity, place, distance, query.radius_km):
            continue
        moments = occurrences(activity, start, end)
        kept += [activity] if moments else []
        found += [Occurrence(activity, moment, distance) for moment in moments]
    found.sort(key=lambda occurrence: (occurrence.starts_at, occurrence.activity.title))
    return AgendaResults(found, kept, place, period if period in PERIODS else DEFAULT_PERIOD)


def _near(activity, place, distance, radius_km):
    if distance is not None:
        return distance <= radius_km
    return bool(place.gemeente) and activity.service.gemeente == place.gemeente  # no point: its gemeente counts


def upcoming_for_service(service, today=None):
    """The next occurrences of the voorziening's activities, for its page: [Occurrence] soonest first."""
    start, _end = window("deze-week", today)
    end = start + timedelta(weeks=SERVICE_PAGE_WEEKS)
    found = [Occurrence(activity, moment) for activity in activities_of(service)
             for moment in occurrences(activity, start, end)]
    return sorted(found, key=lambda occurrence: occurrence.starts_at)[:SERVICE_PAGE_SHOWN]


def activities_of(service):
    return db.session.scalars(select(Activity).where(Activity.service_id == service.id)
                              .order_by(Activity.starts_on, Activity.start_time)).all()


def _load(ids):
    if not ids:
        return []
    return db.session.scalars(select(Activity).where(Activity.id.in_(ids))
                              .options(selectinload(Activity.service))).all()


def save_activity(activity, data):
    """Write the form's data (a dict of Activity fields, `address` placed by the geocoder) and commit."""
    if data["end_time"] is not None and data["end_time"] <= data["start_time"]:
        raise RuleViolation([("end_time", _("De eindtijd moet na de begintijd liggen."))])
    address = data.get("address")
    point = None
    if address:
        try:
            place = geo.locate_for_saving(address, activity.service.gemeente)
            point = (place.latitude, place.longitude)
        except RuleViolation as violation:
            raise RuleViolation([("address", message) for _field, message in violation.reasons]) from None
    for name, value in data.items():
        setattr(activity, name, value)
    activity.latitude, activity.longitude = point if point else (None, None)
    db.session.add(activity)
    db.session.commit()
    return activity


def delete_activity(activity):
    db.session.delete(activity)
    db.session.commit()
