"""Which rows an HSDS request asks for, and the HSDS Page around them."""
import math
from dataclasses import dataclass
from datetime import timezone

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from webapp import geo, search
from webapp.directory import areas
from webapp.directory.models import Organization, Service, ServiceAtLocation
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.opendata.ids import TAXONOMY_ID, theme_id


@dataclass(frozen=True)
class ServiceFilter:
    search: str = ""
    modified_after: object = None  # aware UTC datetime; then archived voorzieningen are included (inactive)
    taxonomy_term_id: str | None = None
    taxonomy_id: str | None = None
    organization_id: str | None = None
    postcode: str = ""
    proximity_m: float | None = None


def page(items, number, size):
    """HSDS Page: the counts and this page's contents (a page past the end is empty)."""
    total = len(items)
    pages = max(1, math.ceil(total / size))
    contents = items[(number - 1) * size:number * size]
    return {"total_items": total, "total_pages": pages, "page_number": number, "size": len(contents),
            "first_page": number == 1, "last_page": number >= pages, "empty": not contents, "contents": contents}


def services(wanted):
    """The voorzieningen that match, by name then id (a stable order for paging)."""
    statement = select(Service).options(*_service_loads()).order_by(Service.name, Service.id)
    if wanted.modified_after is None:
        statement = statement.where(Service.archived_at.is_(None))
    if wanted.organization_id:
        statement = statement.where(Service.organization_id == wanted.organization_id)
    if wanted.search:
        ids = {hit.row_id for hit in search.search_kind("service", wanted.search).hits}
        statement = statement.where(Service.id.in_(ids))
    rows = db.session.scalars(statement).all()
    checks = [_modified(wanted.modified_after), _theme(wanted), _near(wanted)]
    return [row for row in rows if all(check(row) for check in checks if check)]


def service_at_locations(wanted):
    return [link for service in services(wanted) for link in service.locations]


def organizations(text=""):
    statement = select(Organization).options(selectinload(Organization.services)).order_by(Organization.name)
    rows = db.session.scalars(statement).all()
    folded = text.casefold()
    return [row for row in rows if folded in row.name.casefold()]


def get(model, row_id):
    return db.session.get(model, row_id) if row_id and len(row_id) <= 36 else None


def _service_loads():
    return (selectinload(Service.organization), selectinload(Service.themes), selectinload(Service.areas),
            selectinload(Service.target_groups), selectinload(Service.schedules),
            selectinload(Service.schedule_exceptions),
            selectinload(Service.locations).selectinload(ServiceAtLocation.location))


def _aware(moment):
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def _modified(after):
    if after is None:
        return None

    def check(service):
        moments = [service.updated_at, *(link.location.updated_at for link in service.locations)]
        return any(moment is not None and _aware(moment) >= after for moment in moments)
    return check


def _theme(wanted):
    if wanted.taxonomy_term_id is None and wanted.taxonomy_id is None:
        return None

    def check(service):
        ids = {theme_id(theme.slug) for theme in service.themes}
        return ((wanted.taxonomy_term_id is None or wanted.taxonomy_term_id in ids)
                and (wanted.taxonomy_id is None or (wanted.taxonomy_id == TAXONOMY_ID and bool(ids))))
    return check


def _near(wanted):
    """postcode: only those whose werkgebied covers its gemeente; with proximity, only within that many metres."""
    if not wanted.postcode:
        if wanted.proximity_m is not None:
            raise RuleViolation([("proximity", _("Geef bij 'proximity' ook een 'postcode'."))])
        return None
    place = geo.locate(wanted.postcode)
    gemeente = geo.gemeente_of(place)
    point = (place.latitude, place.longitude)

    def check(service):
        if gemeente is not None and not areas.covers(areas.area_keys(service.service_area), gemeente):
            return False
        if wanted.proximity_m is None or service.remote_only:
            return True  # online or by phone only: found by its werkgebied, as on the kaart
        points = [link.location.point for link in service.locations if link.location.point]
        return any(geo.distance_km(point, other) * 1000 <= wanted.proximity_m for other in points)
    return check

