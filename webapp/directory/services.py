"""Finding voorzieningen: where the text hits, the place, the filters and the ordering meet."""
import math
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from webapp import search
from webapp.directory import ranking
from webapp.directory.hours import is_open
from webapp.directory.models import Schedule, ScheduleException, Service, ServiceAtLocation
from webapp.extensions import db

FACET_FIELDS = {"theme": "themes", "access": "access", "gemeente": "gemeenten"}
HOURS_BATCH = 500  # ids per IN (...) query; SQLite allows at most 32,766 variables


@dataclass(frozen=True)
class ServiceQuery:
    text: str = ""
    near: str = ""
    near_point: tuple | None = None  # the resident's own position ("gebruik mijn locatie")
    radius_km: float | None = None
    themes: tuple = ()
    access: str | None = None
    gemeente: str | None = None
    open_now: bool = False
    page: int = 1
    per_page: int = 20


@dataclass
class Candidate:
    row_id: str
    score: float
    themes: frozenset
    access: str
    gemeente: str
    point: tuple | None
    name: str = ""
    slug: str = ""
    precision: str | None = None
    distance_km: float | None = None
    open_now: bool | None = None  # None: nobody knows the hours


@dataclass
class ResultItem:
    service: Service
    distance_km: float | None
    open_now: bool | None


@dataclass
class ServiceResults:
    total: int
    page: int
    last_page: int
    items: list  # [ResultItem] for this page
    facets: dict = field(default_factory=dict)
    place: object = None
    suggestion: str | None = None
    markers: list = field(default_factory=list)  # every result with a point, not only this page


def search_services(query, now=None):
    """Voorzieningen for a resident's words and place.

    With words: most relevant first, nearest breaking ties. Without words but with a place: nearest first.
    A radius applies only when asked for. Facet counts are what the same search gives with that filter added.
    Raises RuleViolation (from geo) for a place we cannot find.
    """
    place = ranking.place_of(query)
    text_search = search.search_kind("service", query.text)
    candidates = [_candidate(hit) for hit in text_search.hits]
    ranking.measure(candidates, place, query.radius_km, rounded=lambda km: round(km, 1))
    candidates = [c for c in candidates if query.radius_km is None or _within(c, query.radius_km)]
    _mark_open(candidates, now)
    filters = Filters.of(query)
    matching = [c for c in candidates if filters.admit(c)]
    matching.sort(key=_ordering(matching, bool(query.text.strip())))
    last_page = max(1, math.ceil(len(matching) / query.per_page))
    page = min(query.page, last_page)  # a shared link to a page that no longer exists shows the last one
    start = (page - 1) * query.per_page
    return ServiceResults(
        total=len(matching),
        page=page,
        last_page=last_page,
        items=_load_page(matching[start:start + query.per_page]),
        facets=_facets(candidates, filters),
        place=place,
        suggestion=text_search.suggestion,
        markers=[c for c in matching if c.point is not None],
    )


def _candidate(hit):
    fields = hit.fields
    lat, lon = fields.get("lat"), fields.get("lon")
    return Candidate(
        row_id=hit.row_id,
        score=hit.score,
        themes=frozenset(filter(None, fields.get("themes", "").split(","))),
        access=fields.get("access"),
        gemeente=fields.get("gemeente"),
        point=(lat, lon) if lat is not None and lon is not None else None,
        name=fields.get("title", ""),
        slug=fields.get("slug", ""),
        precision=fields.get("precision"),
    )


def _within(candidate, radius_km):
    return candidate.distance_km is not None and candidate.distance_km <= radius_km


def _mark_open(candidates, now):
    """Which candidates are open now, from their weekly slots and dated exceptions."""
    ids = [c.row_id for c in candidates]
    schedules, exceptions = _hours_by_service(ids)
    for candidate in candidates:
        candidate.open_now = is_open(schedules.get(candidate.row_id, []), exceptions.get(candidate.row_id, []), now)


def _hours_by_service(ids):
    schedules, exceptions = {}, {}
    for start in range(0, len(ids), HOURS_BATCH):
        batch = ids[start:start + HOURS_BATCH]
        for slot in db.session.scalars(select(Schedule).where(Schedule.service_id.in_(batch))):
            schedules.setdefault(slot.service_id, []).append(slot)
        for day in db.session.scalars(select(ScheduleException).where(ScheduleException.service_id.in_(batch))):
            exceptions.setdefault(day.service_id, []).append(day)
    return schedules, exceptions


@dataclass(frozen=True)
class Filters:
    """The filters of a search; `adding` gives the same search with one more filter (for facet counts)."""

    themes: frozenset = frozenset()
    access: frozenset = frozenset()
    gemeenten: frozenset = frozenset()  # case-folded
    open_now: bool = False

    @classmethod
    def of(cls, query):
        return cls(frozenset(query.themes), frozenset(filter(None, [query.access])),
                   frozenset(filter(None, [(query.gemeente or "").casefold()])), query.open_now)

    def adding(self, facet, value):
        if facet == "open_now":
            return replace(self, open_now=True)
        name = FACET_FIELDS[facet]
        return replace(self, **{name: getattr(self, name) | {value.casefold() if facet == "gemeente" else value}})

    def admit(self, candidate):
        return (self.themes <= candidate.themes
                and all(value == candidate.access for value in self.access)
                and all(value == (candidate.gemeente or "").casefold() for value in self.gemeenten)
                and (candidate.open_now or not self.open_now))


def _facets(candidates, filters):
    """For each filter value: how many results the search has with that filter added."""
    facets = {name: {} for name in FACET_FIELDS}
    for candidate in candidates:
        values = {"theme": candidate.themes, "access": [candidate.access], "gemeente": [candidate.gemeente]}
        for facet, found in values.items():
            for value in filter(None, found):
                if filters.adding(facet, value).admit(candidate):
                    facets[facet][value] = facets[facet].get(value, 0) + 1
    facets["open_now"] = sum(1 for c in candidates if filters.adding("open_now", True).admit(c))
    return facets


def _ordering(candidates, by_relevance):
    """The shared ranking order (relevance band, distance, score), then the name."""
    key = ranking.relevance_key(candidates, by_relevance)
    return lambda candidate: (*key(candidate), candidate.name.casefold())


def _load_page(candidates):
    ids = [c.row_id for c in candidates]
    rows = db.session.scalars(
        select(Service).where(Service.id.in_(ids)).options(
            selectinload(Service.themes),
            selectinload(Service.locations).selectinload(ServiceAtLocation.location),
        )
    ).all() if ids else []
    by_id = {row.id: row for row in rows}
    return [ResultItem(by_id[c.row_id], c.distance_km, c.open_now) for c in candidates if c.row_id in by_id]


def get_service(service_id):
    """A voorziening that is not archived, or None."""
    service = db.session.get(Service, service_id)
    return service if service is not None and service.archived_at is None else None


def get_service_by_slug(slug):
    service = db.session.scalar(select(Service).where(Service.slug == slug))
    return service if service is not None and service.archived_at is None else None


def open_now(service, now=None):
    return is_open(service.schedules, service.schedule_exceptions, now)


def gemeenten():
    """The gemeenten that have voorzieningen, for the filter."""
    return db.session.scalars(select(Service.gemeente).where(Service.archived_at.is_(None))
                              .distinct().order_by(Service.gemeente)).all()

