"""The site's ranking rules computed by brute force: every hit scored and read by Whoosh's own search (stored
fields, no columns, no shortcuts), every distance measured, then sorted whole. The first page of the site must
agree with it (recall@20)."""
from whoosh.query import Every, Term

from webapp import geo
from webapp.directory import areas, ranking
from webapp.search import query
from webapp.search.vocabulary import current_groups

from webapp.geo import distance_km


def first_page(searcher, spec, open_ids, per_page=20):
    """Row ids of the first page of voorzieningen for `spec`, by the rules of services.search_services."""
    place = geo.locate(spec["near"]) if spec.get("near") else None
    gemeente = geo.gemeente_of(place)
    origin = (place.latitude, place.longitude) if place else None
    radius, themes, access = spec.get("radius_km"), set(spec.get("themes", ())), spec.get("access")
    matching = []
    for hit in _all_hits(searcher, spec.get("q", "")):
        fields = hit.fields()
        row_id = fields["row_id"]
        point = (fields["lat"], fields["lon"]) if fields.get("lat") is not None else None
        distance = round(distance_km(origin, point), 1) if origin and point else None
        if radius and (distance is None or distance > radius):
            continue
        if not themes <= set(filter(None, fields.get("themes", "").split(","))):
            continue
        if (access and fields.get("access") != access) or (spec.get("open_now") and not open_ids.get(row_id)):
            continue
        matching.append(_Candidate(row_id, hit.score or 0.0, distance, fields.get("gemeente") or "",
                                   fields.get("title", ""),
                                   areas.covers(set((fields.get("area") or "").split(",")), gemeente)
                                   if gemeente else None))
    key = ranking.relevance_key(matching, bool(spec.get("q", "").strip()))

    def order(c):
        part = c.gemeente.casefold() if place is None else (1 if c.in_area is False else 0)
        return (part, *key(c), c.name.casefold())
    return [c.row_id for c in sorted(matching, key=order)[:per_page]]


def _all_hits(searcher, text):
    groups = current_groups()
    synonyms = query.synonyms_for(searcher.schema, groups)
    words = " ".join(query.words(text)[:query.MAX_WORDS])
    if words:
        words = query.find(searcher, "service", words, groups).suggestion or words  # "Bedoelde u ...?"
    asked = query.build_query(searcher.schema, words, synonyms, searcher) if words else Every()
    return searcher.search(asked, filter=Term("kind", "service"), limit=None) if asked is not None else []


class _Candidate:
    __slots__ = ("row_id", "score", "distance_km", "gemeente", "name", "in_area")

    def __init__(self, row_id, score, distance_km, gemeente, name, in_area):
        self.row_id, self.score, self.distance_km = row_id, score, distance_km
        self.gemeente, self.name, self.in_area = gemeente, name, in_area
