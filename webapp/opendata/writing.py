"""One voorziening of an HSDS package, its rows gathered and checked, and written onto the kaart's model."""
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select, update

from webapp import geo
from webapp.directory import areas
from webapp.directory.models import (Location, Schedule, ScheduleException, Service, ServiceArea, ServiceAtLocation,
                                     TargetGroup, Theme)
from webapp.directory.placement import place
from webapp.directory.vocab import ACCESS_ROUTES, NATIONAL, THEMES, UNKNOWN, YES
from webapp.extensions import db
from webapp.models_base import utcnow
from webapp.opendata.hsds_location import ACCESSIBILITY
from webapp.opendata.hsds_service import HOLIDAYS, TIME_NOTE, WEEKDAYS
from webapp.opendata.ids import derived, theme_id
from webapp.opendata.status import read_alert
from webapp.text import slugify

SAME_POINT_KM = 0.05  # a given point this close to where the kaart would place it takes that precision
THEME_BY_ID = {theme_id(slug): slug for slug in THEMES}


@dataclass
class ServiceUnit:
    row: object
    children: dict  # {table: [Row]} of this service
    locations: dict  # {location id: Row}
    by_location: dict  # {location id: {"address": [Row], "accessibility": [Row]}}
    terms: dict  # {taxonomy term id: code} of the package
    organizations: dict  # {source id: Organization}

    def rows(self):
        yield self.row
        for rows in self.children.values():
            yield from rows
        for link in self.children["service_at_location"]:
            location = self.locations.get(link.get("location_id"))
            if location is not None:
                yield location
                for rows in self.by_location[location.id].values():
                    yield from rows

    def problems(self):
        found = [(row, "; ".join(row.problems)) for row in self.rows() if row.problems]
        for link in self.children["service_at_location"]:
            if link.get("location_id") not in self.locations:
                found.append((link, f"location_id {link.get('location_id')} staat niet in locations.csv"))
        organization = self.row.get("organization_id")
        if organization and organization not in self.organizations:
            found.append((self.row, f"organization_id {organization} staat niet (goed) in organizations.csv"))
        for row in self.children["schedule"]:
            found += [(row, message) for message in _schedule_problems(row)]
        if self.row.get("status") == "temporarily closed" and read_alert(self.row.get("alert"))["closed_until"] is None:
            found.append((self.row, "status 'temporarily closed' zonder einddatum: zet in alert 'Tijdelijk gesloten "
                                    "tot en met JJJJ-MM-DD'"))
        if not found and not self.gemeente():
            found.append((self.row, "geen gemeente: geef een adres met region, of een service_area met een gemeente"))
        return found

    def gemeente(self):
        for link in self.children["service_at_location"]:
            for address in self.by_location[link.get("location_id")]["address"]:
                if address.get("region"):
                    return address.get("region")
        names = [row.get("name") for row in self.children["service_area"] if row.get("name") not in (None, NATIONAL)]
        return names[0] if names else None


def _schedule_problems(row):
    try:
        _times(row)
        _day(row)
    except ValueError as error:
        return [f"schedules: {error}"]
    if not _is_exception(row) and not (row.get("byday") and row.get("opens_at") and row.get("closes_at")):
        return ["schedules: een wekelijkse tijd heeft byday, opens_at en closes_at nodig"]
    if not _is_exception(row) and any(day not in WEEKDAYS for day in row.get("byday").split(",")):
        return [f"schedules: byday '{row.get('byday')}' kennen we niet (MO,TU,WE,TH,FR,SA,SU)"]
    return []


def write_service(unit, service):
    """Create or update the voorziening; raises RuleViolation (an unknown werkgebied) before anything is kept."""
    row, gemeente = unit.row, unit.gemeente()
    names = [area.get("name") for area in unit.children["service_area"]]
    werkgebied = areas.normalize(names, gemeente)
    if service is None:
        service = Service(id=row.id, slug=_free_slug(row.get("name")), free_of_charge=UNKNOWN)
        db.session.add(service)
    service.name, service.gemeente = row.get("name"), gemeente
    service.summary, service.description = _summary_and_description(service, row.get("description", ""))
    service.website, service.email = row.get("url"), row.get("email")
    service.cost_note = row.get("fees_description")
    service.access_route = _access_route(row.get("application_process"))
    service.last_checked_on = _date(row.get("assured_date"))
    service.archived_at = _archived(row, service)
    service.organization = unit.organizations.get(row.get("organization_id"))
    for name, value in read_alert(row.get("alert")).items():
        setattr(service, name, value)
    service.remote_only = any(unit.locations[link.get("location_id")].get("location_type") == "virtual"
                              for link in unit.children["service_at_location"])
    service.target_groups = [_target_group(name) for name in _split(row.get("eligibility_description"), ";")]
    _write_children(service, unit, werkgebied)
    _write_locations(service, unit, gemeente)
    db.session.flush()
    return service


def _write_children(service, unit, werkgebied):
    children = unit.children
    phones = [row.get("number") for row in children["phone"] if row.get("number")]
    service.phone = phones[0] if phones else None
    languages = [row.get("name") for row in children["language"] if row.get("name")]
    service.languages = ", ".join(languages) or None
    if any(row.get("amount") == 0 for row in children["cost_option"]):
        service.free_of_charge = YES
    area_ids = {row.get("name"): row.id for row in children["service_area"]}
    service.areas = _sync(service.areas, ServiceArea, [
        {"id": area_ids.get(name) or derived("service_area", service.id), "name": name} for name in werkgebied])
    slugs = [THEME_BY_ID.get(row.get("taxonomy_term_id")) or unit.terms.get(row.get("taxonomy_term_id"))
             for row in children["attribute"]]
    service.themes = [db.session.get(Theme, slug) for slug in sorted(set(slugs) & set(THEMES))]  # as the kaart orders
    weekly = [row for row in children["schedule"] if not _is_exception(row)]
    service.schedules = _sync(service.schedules, Schedule, [slot for row in weekly for slot in _slots(row)])
    service.schedule_exceptions = _sync(service.schedule_exceptions, ScheduleException,
                                        [_exception(row) for row in children["schedule"] if _is_exception(row)])
    service.open_on_holidays = any(HOLIDAYS[True] in (row.get("notes") or "") for row in weekly)


def _write_locations(service, unit, gemeente):
    links = []
    for link in unit.children["service_at_location"]:
        source = unit.locations[link.get("location_id")]
        location = db.session.get(Location, source.id) or Location(id=source.id)
        _fill_location(location, source, unit.by_location[source.id], gemeente)
        existing = next((item for item in service.locations if item.location_id == source.id), None)
        links.append(existing or ServiceAtLocation(id=link.id, location=location))
    service.locations = links


def _fill_location(location, source, related, gemeente):
    address = related["address"][0] if related["address"] else None
    location.name = source.get("name")
    location.address = (address.get("address_1") or None) if address else None
    location.postcode = (address.get("postal_code") or None) if address else None
    location.woonplaats = (address.get("city") or None) if address else None
    location.gemeente = (address.get("region") if address else None) or gemeente
    texts = {row.get("description") for row in related["accessibility"]}
    location.wheelchair_access = next((value for value, text in ACCESSIBILITY.items() if text in texts), UNKNOWN)
    point = (source.get("latitude"), source.get("longitude"))
    if None not in point and point == (location.latitude, location.longitude):
        return  # the same point as before: its precision stands
    found = place(location.gemeente, woonplaats=location.woonplaats, location_name=location.name,
                  address=location.address, postcode=location.postcode)
    if None in point:
        point = (found.latitude, found.longitude) if found else (None, None)
        location.precision = found.precision if found else None
    else:
        close = found is not None and geo.distance_km(point, (found.latitude, found.longitude)) <= SAME_POINT_KM
        location.precision = found.precision if close else None  # the source's own point, precision unknown
    location.latitude, location.longitude = point


def keep_modified(stamps):
    """The source's last_modified ({service id: text}) stays each voorziening's, so an export of the import is the
    same export. Written after every other write: a flush stamps a voorziening whose rows changed with now."""
    db.session.flush()
    for service_id, stamp in stamps.items():
        moment = moment_of(stamp)
        if moment is not None:
            db.session.execute(update(Service).where(Service.id == service_id).values(updated_at=moment))


def _sync(current, model, wanted):
    """The rows `wanted` ([{column: value}] with ids): a row the collection already holds is updated in place, so
    a re-import never makes a second row with the same id."""
    by_id = {item.id: item for item in current}
    result = []
    for values in wanted:
        item = by_id.get(values["id"]) or model(id=values["id"])
        for key, value in values.items():
            setattr(item, key, value)
        result.append(item)
    return result


def _summary_and_description(service, text):
    """HSDS has one description, the kaart a summary and a description (exported as summary, blank line,
    description): an unchanged text keeps both; otherwise its first paragraph becomes the summary."""
    if service.name is not None and "\n\n".join(filter(None, (service.summary, service.description))) == text:
        return service.summary, service.description
    summary, _blank, rest = text.partition("\n\n")
    return summary, rest


def _slots(row):
    opens, closes = _times(row)
    days = row.get("byday").split(",")
    return [{"id": row.id if number == 0 else derived("schedule", row.id, day), "weekday": WEEKDAYS.index(day),
             "opens": opens, "closes": closes} for number, day in enumerate(days)]


def _exception(row):
    opens, closes = _times(row)
    note = (row.get("notes") or "").replace(TIME_NOTE, "").strip() or None
    return {"id": row.id, "day": _day(row), "closed": opens is None, "opens": opens, "closes": closes, "note": note}


def _is_exception(row):
    return bool(row.get("valid_from")) and row.get("valid_from") == row.get("valid_to")


def _day(row):
    return _date(row.get("valid_from")) if _is_exception(row) else None


def _times(row):
    return tuple(time.fromisoformat(row.get(key)) if row.get(key) else None for key in ("opens_at", "closes_at"))


def _date(text):
    return date.fromisoformat(text) if text else None


def moment_of(text):
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _archived(row, service):
    if row.get("status") in ("inactive", "defunct"):
        return service.archived_at or moment_of(row.get("last_modified")) or utcnow()
    return None


def _access_route(label):
    by_label = {str(text).casefold(): key for key, text in ACCESS_ROUTES.items()}
    return by_label.get((label or "").casefold(), UNKNOWN)


def _split(text, separator):
    return [part.strip() for part in (text or "").split(separator) if part.strip()]


def _target_group(name):
    group = db.session.scalar(select(TargetGroup).where(TargetGroup.name == name))
    if group is None:
        group = TargetGroup(name=name)
        db.session.add(group)
    return group


def _free_slug(name):
    base = slugify(name) or "voorziening"
    slug, number = base, 1
    while db.session.scalar(select(Service.id).where(Service.slug == slug)):
        number += 1
        slug = f"{base}-{number}"
    return slug
