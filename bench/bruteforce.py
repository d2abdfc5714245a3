"""The site's ranking rules computed by brute force: every hit scored by Whoosh, every distance measured, then
sorted whole. The first page of the site must agree with it (recall@20)."""
from webapp import geo
from webapp.directory import areas, ranking
from webapp.search import query
from webapp.search.vocabulary import current_groups

from bench.reference import haversine


def first_page(searcher, spec, open_ids, per_page=20):
    """Row ids of the first page of voorzieningen for `spec`, by the rules of services.search_services."""
    place = geo.locate(spec["near"]) if spec.get("near") else None
    gemeente = geo.gemeente_of(place)
    origin = (place.latitude, place.longitude) if place else None
    radius, themes, access = spec.get("radius_km"), set(spec.get("themes", ())), spec.get("access")
    found = query.find(searcher, "service", spec.get("q", ""), current_groups())
    matching = []
    for hit in found.hits:
        fields = hit.fields
        point = (fields["lat"], fields["lon"]) if fields.get("lat") is not None else None
        distance = round(haversine(origin, point), 1) if origin and point else None
        if radius and (distance is None or distance > radius):
            continue
        if not themes <= set(filter(None, fields.get("themes", "").split(","))):
            continue
        if (access and fields.get("access") != access) or (spec.get("open_now") and not open_ids.get(hit.row_id)):
            continue
        matching.append(_Candidate(hit.row_id, hit.score, distance, fields.get("gemeente") or "",
                                   fields.get("title", ""),
                                   areas.covers(set((fields.get("area") or "").split(",")), gemeente)
                                   if gemeente else None))
    key = ranking.relevance_key(matching, bool(spec.get("q", "").strip()))

    def order(c):
        part = c.gemeente.casefold() if place is None else (1 if c.in_area is False else 0)
        return (part, *key(c), c.name.casefold())
    return [c.row_id for c in sorted(matching, key=order)[:per_page]]


class _Candidate:
    __slots__ = ("row_id", "score", "distance_km", "gemeente", "name", "in_area")

    def __init__(self, row_id, score, distance_km, gemeente, name, in_area):
        self.row_id, self.score, self.distance_km = row_id, score, distance_km
        self.gemeente, self.name, self.in_area = gemeente, name, in_area
