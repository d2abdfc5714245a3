"""Finding voorzieningen: where the text hits, the place, the filters and the ordering meet."""
import math
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from webapp import geo, search
from webapp.directory import languages, opening, ranking, scanning
from webapp.directory.hours import local_now
from webapp.directory.models import Service, ServiceAtLocation
from webapp.extensions import db

OWN_AREA, OTHER_AREAS = "eigen-gemeente", "andere-gemeenten"  # the two parts of a search from a place
MAX_MARKERS = 300  # what a map of the results can usefully show


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
    language: str | None = None  # a name of languages.LANGUAGES: only voorzieningen whose staff speak it
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
    area: frozenset = frozenset()  # the werkgebied, folded (areas.area_keys)
    name: str = ""
    slug: str = ""
    precision: str | None = None
    distance_km: float | None = None
    in_area: bool | None = None  # None: the resident's gemeente is not known


@dataclass
class ResultItem:
    service: Service
    distance_km: float | None
    open_now: bool | None
    in_area: bool | None = None
    group: str | None = None  # the list's heading this result falls under (OWN_AREA, OTHER_AREAS or a gemeente)
    closed_until: object = None  # "tijdelijk gesloten" up to and including this date, while it lasts
    notice: str | None = None  # the short notice, while it lasts


@dataclass
class ServiceResults:
    total: int
    page: int
    last_page: int
    items: list  # [ResultItem] for this page
    facets: dict = field(default_factory=dict)
    place: object = None
    gemeente: str | None = None  # the place's gemeente; None without a place or when we cannot tell
    suggestion: str | None = None
    markers: list = field(default_factory=list)  # the first MAX_MARKERS results with a point, and this page's
    first_number: int = 1  # the number of this page's first result in the whole list
    word_hits: int = 0  # what the words alone found, before place, radius and filters (missed.py counts on it)

    def grouped(self):
        """This page's items as [(group, [ResultItem])], in order: one list per heading."""
        groups = []
        for item in self.items:
            if not groups or groups[-1][0] != item.group:
                groups.append((item.group, []))
            groups[-1][1].append(item)
        return groups


def search_services(query, now=None, with_rows=True):
    """Voorzieningen for a resident's words and place.

    From a place whose gemeente we know: first those whose werkgebied covers that gemeente, then the rest
    (OTHER_AREAS). Without a place: grouped by gemeente. Within each part: with words, most relevant first, nearest
    breaking ties; without words but with a place, nearest first. A radius applies only when asked for. Facet
    counts are what the same search gives with that filter added. The map gets the first MAX_MARKERS results
    (and this page's), never all of them.
    Raises RuleViolation (from geo) for a place we cannot find. `with_rows=False` (the map's markers): the page's
    rows are not loaded from the database (no items).
    """
    place = ranking.place_of(query)
    gemeente = geo.gemeente_of(place)
    box = geo.bounding_box((place.latitude, place.longitude), query.radius_km) \
        if place is not None and query.radius_km is not None else None
    text_search = search.search_kind("service", query.text, ordered=False, box=box)  # a radius restricts first
    if query.language:
        text_search.keep_rows(speaking_ids(query.language))
    every_year = opening.liberation_day_gemeenten()
    scan = scanning.Scan(place, gemeente, query.radius_km, Filters.of(query), now, every_year)
    matching = scan.run(text_search)
    last_page = max(1, math.ceil(matching.total / query.per_page))
    page = min(query.page, last_page)  # a shared link to a page that no longer exists shows the last one
    start = (page - 1) * query.per_page
    ordered = matching.first(max(start + query.per_page, MAX_MARKERS), bool(query.text.strip()),
                             by_gemeente=place is None)
    candidates = {id(row): _candidate(row) for row in ordered[:MAX_MARKERS] + ordered[start:start + query.per_page]}
    page_candidates = [candidates[id(row)] for row in ordered[start:start + query.per_page]]
    return ServiceResults(
        total=matching.total,
        page=page,
        last_page=last_page,
        items=_load_page(page_candidates, by_gemeente=place is None, now=now, every_year=every_year)
        if with_rows else [],
        facets=scan.facets,
        place=place,
        gemeente=gemeente,
        suggestion=text_search.suggestion,
        markers=[c for c in candidates.values() if c.point is not None],
        first_number=start + 1,
        word_hits=text_search.matched,
    )


def _candidate(row):
    hit, distance_km, in_area = row
    found = hit.facts
    return Candidate(row_id=hit.row_id, score=hit.score, themes=found.themes, access=found.access,
                     gemeente=found.gemeente, point=found.point, area=found.area, name=found.title, slug=found.slug,
                     precision=found.precision, distance_km=distance_km, in_area=in_area)


@dataclass(frozen=True)
class Filters:
    """The filters of a search."""

    themes: frozenset = frozenset()
    access: frozenset = frozenset()
    gemeenten: frozenset = frozenset()  # case-folded
    open_now: bool = False

    @classmethod
    def of(cls, query):
        return cls(frozenset(query.themes), frozenset(filter(None, [query.access])),
                   frozenset(filter(None, [(query.gemeente or "").casefold()])), query.open_now)


def _group(candidate, by_gemeente):
    if by_gemeente:
        return candidate.gemeente
    return {True: OWN_AREA, False: OTHER_AREAS}.get(candidate.in_area)


def _load_page(candidates, by_gemeente, now, every_year):
    """The page's rows from the database, open now by their own hours (weekly slots, dated exceptions, holidays:
    opening.py), not the index's copy."""
    ids, today = [c.row_id for c in candidates], local_now(now).date()
    rows = db.session.scalars(
        select(Service).where(Service.id.in_(ids)).options(
            selectinload(Service.themes), selectinload(Service.areas),
            selectinload(Service.locations).selectinload(ServiceAtLocation.location),
            selectinload(Service.schedules), selectinload(Service.schedule_exceptions),
        )
    ).all() if ids else []
    by_id = {row.id: row for row in rows}
    return [ResultItem(by_id[c.row_id], c.distance_km, opening.open_now_of(by_id[c.row_id], now, every_year), c.in_area,
                       _group(c, by_gemeente),
                       closed_until=by_id[c.row_id].closed_until if by_id[c.row_id].closed_on(today) else None,
                       notice=by_id[c.row_id].notice_on(today))
            for c in candidates if c.row_id in by_id]


def get_service(service_id):
    """A voorziening that is not archived, or None."""
    service = db.session.get(Service, service_id)
    return service if service is not None and service.archived_at is None else None


def get_service_by_slug(slug):
    service = db.session.scalar(select(Service).where(Service.slug == slug))
    return service if service is not None and service.archived_at is None else None


def gemeenten():
    """The gemeenten that have voorzieningen (not archived), for the filter: from the search index, which holds
    exactly those, read once per index version (the database's DISTINCT read every row: 8 ms a search at 10,000)."""
    return search.fact_values("service", "gemeente")



def speaking_ids(language):
    """The ids of the voorzieningen whose staff speak `language` (a name of languages.LANGUAGES)."""
    rows = db.session.execute(select(Service.id, Service.languages)
                              .where(Service.languages.contains(language), Service.archived_at.is_(None)))
    return {service_id for service_id, stored in rows if language in languages.listed(stored)}


def active_slugs():
    """[(slug, updated_at)] of every voorziening that is not archived, by name (the sitemap)."""
    return db.session.execute(select(Service.slug, Service.updated_at).where(Service.archived_at.is_(None))
                              .order_by(Service.name)).all()
