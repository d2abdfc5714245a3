"""One pass over a search's hits: distance, radius, filters and every facet count together, then the first results
in the kaart's order without sorting all of them. Costs per hit are a few comparisons: a search at 100,000
documents may have 30,000 hits (../shared/notes/search-profile-2026-12.md).
"""
from webapp import geo
from webapp.directory import areas, ranking
from webapp.directory.packed_hours import open_now
from webapp.directory.vocab import REMOTE


class Scan:
    """The matching rows [(hit, distance_km, in_area)] of a search and its facet counts (`facets`)."""

    def __init__(self, place, gemeente, radius_km, filters, now=None, liberation_day_gemeenten=frozenset()):
        self.origin = (place.latitude, place.longitude) if place is not None else None
        self.gemeente, self.radius_km, self.filters = gemeente, radius_km, filters
        self.now = now  # None: the hours' own clock (hours.utc_now)
        self.box = geo.bounding_box(self.origin, radius_km) if self.origin and radius_km is not None else None
        self.facets = {"theme": {}, "access": {}, "gemeente": {}, "open_now": 0}
        self.liberation_day_gemeenten = liberation_day_gemeenten
        self._open, self._in_area = {}, {}

    def run(self, hits):
        matching = []
        wanted = self.filters
        theme_counts, access_counts, gemeente_counts = (self.facets[name] for name in ("theme", "access", "gemeente"))
        open_count = 0
        for hit in hits:
            found = hit.facts
            distance = self._distance(found.point)
            if self.radius_km is not None and not self._within(found, distance):
                continue
            is_open = self._is_open(found.hours, found.gemeente)
            if not (wanted.themes <= found.themes and (not wanted.access or wanted.access == {found.access})
                    and (not wanted.gemeenten or wanted.gemeenten == {(found.gemeente or "").casefold()})):
                continue
            if is_open:
                open_count += 1
            if wanted.open_now and not is_open:
                continue
            matching.append((hit, distance, self._covers(found.area)))
            for theme in found.themes:
                theme_counts[theme] = theme_counts.get(theme, 0) + 1
            if found.access:
                access_counts[found.access] = access_counts.get(found.access, 0) + 1
            if found.gemeente:
                gemeente_counts[found.gemeente] = gemeente_counts.get(found.gemeente, 0) + 1
        self.facets["open_now"] = open_count
        return matching

    def _within(self, found, distance):
        """Within the radius; a voorziening online or by phone only has no place, so it counts where it works."""
        if found.precision == REMOTE:
            return self._covers(found.area) is True
        return distance is not None and distance <= self.radius_km

    def _distance(self, point):
        if self.origin is None or point is None or (self.box and not ranking.in_box(point, self.box)):
            return None
        return round(geo.distance_km(self.origin, point), 1)

    def _is_open(self, hours, gemeente):
        key = (hours, gemeente)
        if key not in self._open:
            self._open[key] = open_now(hours, self.now, gemeente in self.liberation_day_gemeenten)
        return self._open[key]

    def _covers(self, area):
        if self.gemeente is None:
            return None
        if area not in self._in_area:
            self._in_area[area] = areas.covers(area, self.gemeente)
        return self._in_area[area]


def first(matching, count, by_relevance, by_gemeente):
    """The first `count` rows in the kaart's order: who it is for (the werkgebied, or without a place the
    gemeente), relevance band, distance, score, name. Rows are grouped by (part, band) in one pass and only the
    groups that reach the first `count` are sorted."""
    top = max((row[0].score for row in matching), default=0.0) if by_relevance else 0.0
    groups = {}
    for row in matching:
        hit, _distance, in_area = row
        part = (hit.facts.gemeente or "").casefold() if by_gemeente else (1 if in_area is False else 0)
        band = int((1 - hit.score / top) / ranking.RELEVANCE_BAND) if top > 0 else 0
        groups.setdefault((part, band), []).append(row)
    ordered = []
    for key in sorted(groups):
        ordered += sorted(groups[key], key=_within_group(top > 0))
        if len(ordered) >= count:
            break
    return ordered[:count]


def _within_group(by_score):
    def key(row):
        hit, distance, _in_area = row
        return (distance if distance is not None else float("inf"), -hit.score if by_score else 0.0,
                hit.facts.title.casefold())
    return key
