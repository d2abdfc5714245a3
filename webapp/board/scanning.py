"""One pass over a board search's hits: distance, radius, gemeente and category filters and every facet count
together, then the results in the board's order without sorting all of them (as the kaart's directory/scanning.py).

A hit is a search.query Hit (row_id, score, facts); no object is made per hit: a matching one is kept as a tuple
(hit, distance_km, kind). Public points are shared by many posts (posts.privacy), so a distance is measured once
per point.
"""
import math

from webapp import geo
from webapp.directory import ranking
from webapp.posts.privacy import round_distance
from webapp.posts.vocab import CATEGORIES

CATEGORY_SLUGS = frozenset(CATEGORIES)
BOX_MARGIN_KM = 1  # a distance rounded down to the radius still counts


class Scan:
    """The rows [(hit, distance_km, kind)] of a board search that pass its filters (`rows`), and its facet counts
    (`facets`: every category and kind with the filters other than category applied)."""

    def __init__(self, place, radius_km, gemeente, categories):
        self.origin = (place.latitude, place.longitude) if place is not None else None
        self.radius_km = radius_km
        self.box = (geo.bounding_box(self.origin, radius_km + BOX_MARGIN_KM)
                    if self.origin is not None and radius_km is not None else None)
        self.gemeente = gemeente.strip().casefold() if gemeente else None
        self.categories = frozenset(categories) & CATEGORY_SLUGS if categories else None
        self.rows = []
        self._themes, self._kinds = {}, {}
        self._distances, self._folded = {}, {}

    def run(self, kind, hits):
        """Add the hits of one kind."""
        rows, themes, wanted, radius = self.rows, self._themes, self.categories, self.radius_km
        count = 0
        for hit in hits:
            found = hit.facts
            distance = self._distance(found.point)
            if radius is not None and (distance is None or distance > radius):
                continue
            if self.gemeente is not None and self._fold(found.gemeente) != self.gemeente:
                continue
            count += 1
            for slug in found.themes:
                themes[slug] = themes.get(slug, 0) + 1
            if wanted is None or not wanted.isdisjoint(found.themes):
                rows.append((hit, distance, kind))
        if count:
            self._kinds[kind] = count

    @property
    def facets(self):
        return {"categories": {slug: n for slug, n in self._themes.items() if slug in CATEGORY_SLUGS},
                "kinds": dict(self._kinds)}

    def _distance(self, point):
        """The distance from the place to a public point, rounded as residents see it; None without a place or
        point, or outside the radius's box."""
        if self.origin is None or point is None:
            return None
        distance = self._distances.get(point, _UNKNOWN)
        if distance is _UNKNOWN:
            inside = self.box is None or ranking.in_box(point, self.box)
            distance = self._distances[point] = round_distance(geo.distance_km(self.origin, point)) if inside else None
        return distance

    def _fold(self, gemeente):
        folded = self._folded.get(gemeente)
        if folded is None:
            folded = self._folded[gemeente] = (gemeente or "").casefold()
        return folded


_UNKNOWN = object()


def in_order(rows, by_relevance):
    """The rows in the board's order, lazily: relevance band (of the best score, as on the kaart), distance, score,
    then the newest first (when published, then the row id, both descending). Rows are grouped by (band, distance)
    in one pass and a group is sorted only when the caller reaches it."""
    top = max((row[0].score for row in rows), default=0.0) if by_relevance else 0.0
    groups = {}
    for row in rows:
        band = int((1 - row[0].score / top) / ranking.RELEVANCE_BAND) if top > 0 else 0
        groups.setdefault((band, math.inf if row[1] is None else row[1]), []).append(row)
    for key in sorted(groups):
        group = groups[key]
        group.sort(key=_newest, reverse=True)
        if top > 0:
            group.sort(key=_best)  # stable: the newest first among equal scores
        yield from group


def _newest(row):
    return row[0].facts.published, row[0].row_id


def _best(row):
    return -row[0].score
