"""All hits of a search at once: distance, radius, filters and every facet count as numpy operations over the
columns of the index (search/columns.py), then the first results in the kaart's order without sorting all of them.
A search at 100,000 documents may have 30,000 hits (../shared/notes/search-profile-2026-12.md); here no Python
object is made per hit, only per result shown.
"""
import numpy as np

from webapp import geo
from webapp.directory import areas, ranking
from webapp.directory.packed_hours import open_now
from webapp.directory.vocab import REMOTE

YES, NO, UNKNOWN = 1, 0, -1  # a yes/no/don't-know per row (int8)
_NO_POINT = 1e5  # km, after every real distance: a result without a distance comes last


class Scan:
    """Filters, measures and counts the hits of a search (`run`); `facets` holds the counts afterwards."""

    def __init__(self, place, gemeente, radius_km, filters, now=None, liberation_day_gemeenten=frozenset()):
        self.origin = (place.latitude, place.longitude) if place is not None else None
        self.gemeente, self.radius_km, self.filters = gemeente, radius_km, filters
        self.now = now  # None: the hours' own clock (hours.utc_now)
        self.box = geo.bounding_box(self.origin, radius_km) if self.origin and radius_km is not None else None
        self.facets = {"theme": {}, "access": {}, "gemeente": {}, "open_now": 0}
        self.liberation_day_gemeenten = liberation_day_gemeenten

    def run(self, found):
        """The Matching rows of a query.TextSearch: within the radius, through the filters."""
        columns, docnums = found.columns, found.docnums
        distance = self._distances(columns.lat[docnums], columns.lon[docnums])
        in_area = self._covers_table(columns)[columns.codes["area"][docnums]]
        keep = self._within(columns, docnums, distance, in_area) & self._filtered(columns, docnums)
        is_open = self._open(columns, docnums, keep)
        self.facets["open_now"] = int(np.count_nonzero(is_open[keep] == YES))
        if self.filters.open_now:
            keep &= is_open == YES
        self._count(columns, docnums[keep])
        return Matching(found, keep, distance, in_area)

    def _distances(self, lat, lon):
        """Rounded to 0.1 km as geo.distance_km would give them; nan without a point or outside the radius's box."""
        if self.origin is None:
            return np.full(len(lat), np.nan)
        if self.box is not None:
            min_lat, min_lon, max_lat, max_lon = self.box
            outside = ~((min_lat <= lat) & (lat <= max_lat) & (min_lon <= lon) & (lon <= max_lon))
            lat, lon = np.where(outside, np.nan, lat), np.where(outside, np.nan, lon)
        return geo.rounded_distances_km(self.origin, lat, lon)

    def _covers_table(self, columns):
        if self.gemeente is None:
            return columns.table("area", lambda area: UNKNOWN)
        return columns.table("area", lambda area: YES if areas.covers(area or frozenset(), self.gemeente) else NO)

    def _within(self, columns, docnums, distance, in_area):
        """Within the radius; a voorziening online or by phone only has no place, so it counts where it works."""
        if self.radius_km is None:
            return np.ones(len(docnums), dtype=bool)
        remote = columns.codes["precision"][docnums] == columns.code_of("precision", REMOTE)
        with np.errstate(invalid="ignore"):
            return np.where(remote, in_area == YES, distance <= self.radius_km)

    def _filtered(self, columns, docnums):
        wanted, keep = self.filters, np.ones(len(docnums), dtype=bool)
        for theme in wanted.themes:
            keep &= columns.themes[theme][docnums] if theme in columns.themes else False
        for access in wanted.access:
            keep &= columns.codes["access"][docnums] == columns.code_of("access", access)
        for gemeente in wanted.gemeenten:
            named = columns.table("gemeente", lambda name: (name or "").casefold() == gemeente, dtype=bool)
            keep &= named[columns.codes["gemeente"][docnums]]
        return keep

    def _open(self, columns, docnums, keep):
        """Open now (YES/NO/UNKNOWN) for the kept rows, asked once per (hours, Bevrijdingsdag rule)."""
        liberation = columns.table("gemeente", lambda name: name in self.liberation_day_gemeenten, dtype=np.int64)
        pairs = columns.codes["hours"][docnums] * 2 + liberation[columns.codes["gemeente"][docnums]]
        states = np.full(len(docnums), UNKNOWN, dtype=np.int8)
        unique, inverse = np.unique(pairs[keep], return_inverse=True)
        hours = columns.values["hours"]
        answers = [open_now(hours[pair // 2] if pair >= 0 else "", self.now, bool(pair % 2)) for pair in unique.tolist()]
        states[keep] = np.array([UNKNOWN if answer is None else int(answer) for answer in answers],
                                dtype=np.int8)[inverse] if len(unique) else UNKNOWN
        return states

    def _count(self, columns, docnums):
        self.facets["theme"] = {theme: count for theme, rows in columns.themes.items()
                                if (count := int(np.count_nonzero(rows[docnums])))}
        for facet, name in (("access", "access"), ("gemeente", "gemeente")):
            codes = columns.codes[name][docnums]
            counts = np.bincount(codes[codes >= 0], minlength=len(columns.values[name]))
            self.facets[facet] = {columns.values[name][code]: int(count) for code, count in enumerate(counts.tolist())
                                  if count}


class Matching:
    """The rows of a search that passed: `total`, and `first` to get them in order."""

    def __init__(self, found, keep, distance, in_area):
        self.found, self.docnums, self.scores = found, found.docnums[keep], found.scores[keep]
        self.distance, self.in_area = distance[keep], in_area[keep]
        self.total = len(self.docnums)

    def first(self, count, by_relevance, by_gemeente):
        """The first `count` rows [(hit, distance_km, in_area)] in the kaart's order: who it is for (the
        werkgebied, or without a place the gemeente), relevance band, distance, score, name. Only the rows that can
        reach the first `count` by (part, band, distance) are sorted in Python."""
        if not self.total:
            return []
        top = float(self.scores.max()) if by_relevance else 0.0
        group = self._parts(by_gemeente) * 1000 + self._bands(top)
        distance = np.where(np.isnan(self.distance), _NO_POINT, self.distance)
        primary = group * 1e6 + distance  # orders as (group, distance): distances differ by at least 0.1
        if self.total > count:
            bound = np.partition(primary, count - 1)[count - 1]
            positions = np.flatnonzero(primary <= bound)
        else:
            positions = np.arange(self.total)
        hits = [self.found.hit(int(self.docnums[at]), float(self.scores[at])) for at in positions.tolist()]
        rows = [(int(group[at]), float(distance[at]), -hit.score if top > 0 else 0.0, hit.facts.title.casefold(), at,
                 hit) for at, hit in zip(positions.tolist(), hits)]
        rows.sort(key=lambda row: row[:5])
        return [(hit, self._distance_at(at), self._in_area_at(at)) for *_key, at, hit in rows[:count]]

    def _parts(self, by_gemeente):
        if not by_gemeente:
            return (self.in_area == NO).astype(np.int64)
        columns = self.found.columns
        folded = [(name or "").casefold() for name in columns.values["gemeente"]] + [""]
        rank = {name: position for position, name in enumerate(sorted(set(folded)))}
        return np.array([rank[name] for name in folded], dtype=np.int64)[columns.codes["gemeente"][self.docnums]]

    def _bands(self, top):
        if top <= 0:
            return np.zeros(self.total, dtype=np.int64)
        return ((1 - self.scores / top) / ranking.RELEVANCE_BAND).astype(np.int64)  # as int(): toward zero

    def _distance_at(self, at):
        value = self.distance[at]
        return None if np.isnan(value) else float(value)

    def _in_area_at(self, at):
        value = int(self.in_area[at])
        return None if value == UNKNOWN else value == YES
