"""One pass over a board search's hits: distance, radius, gemeente and category filters and every facet count
together, then the results in the board's order without sorting all of them (as the kaart's directory/scanning.py).

The hits come as arrays (search.kinds.Matches); no object is made per hit: a matching one is kept as its document
number, score, distance and kind in parallel lists, which Python's garbage collector need not walk. Public points
are shared by many posts (posts.privacy), so a distance is measured once per point.
"""
import math

from webapp import geo
from webapp.directory import ranking
from webapp.posts.privacy import round_distance
from webapp.posts.vocab import CATEGORIES

CATEGORY_SLUGS = frozenset(CATEGORIES)
BOX_MARGIN_KM = 1  # a distance rounded down to the radius still counts


class Scan:
    """The rows of a board search that pass its filters, as parallel lists by row number (`docnums`, `scores`,
    `distances`, `kinds`; `facts` by document number), and its facet counts (`facets`: every category and kind
    with the filters other than category applied)."""

    def __init__(self, place, radius_km, gemeente, categories):
        self.origin = (place.latitude, place.longitude) if place is not None else None
        self.radius_km = radius_km
        self.box = (geo.bounding_box(self.origin, radius_km + BOX_MARGIN_KM)
                    if self.origin is not None and radius_km is not None else None)
        self.gemeente = gemeente.strip().casefold() if gemeente else None
        self.categories = frozenset(categories) & CATEGORY_SLUGS if categories else None
        self.docnums, self.scores, self.distances, self.kinds, self.facts = [], [], [], [], []
        self._themes, self._kinds = {}, {}
        self._distances, self._folded = {}, {}

    def run(self, kind, matches):
        """Add the matches of one kind (search.kinds.Matches)."""
        self.facts = known = matches.facts
        themes, wanted, radius = self._themes, self.categories, self.radius_km
        count = 0
        for docnum, score in zip(matches.docnums.tolist(), matches.scores.tolist()):
            found = known[docnum]
            distance = self._distance(found.point)
            if radius is not None and (distance is None or distance > radius):
                continue
            if self.gemeente is not None and self._fold(found.gemeente) != self.gemeente:
                continue
            count += 1
            for slug in found.themes:
                themes[slug] = themes.get(slug, 0) + 1
            if wanted is None or not wanted.isdisjoint(found.themes):
                self.docnums.append(docnum)
                self.scores.append(score)
                self.distances.append(distance)
                self.kinds.append(kind)
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


def in_order(scan, by_relevance):
    """The row numbers of `scan` in the board's order, lazily: relevance band (of the best score, as on the kaart),
    distance, score, then the newest first (when published, then the row id, both descending). Rows are grouped by
    (band, distance) in one pass and a group is sorted only when the caller reaches it."""
    scores, distances, docnums, known = scan.scores, scan.distances, scan.docnums, scan.facts
    top = max(scores, default=0.0) if by_relevance else 0.0
    groups = {}
    for row, (score, distance) in enumerate(zip(scores, distances)):
        band = int((1 - score / top) / ranking.RELEVANCE_BAND) if top > 0 else 0
        groups.setdefault((band, math.inf if distance is None else distance), []).append(row)
    for key in sorted(groups):
        group = groups[key]
        group.sort(key=lambda row: (known[docnums[row]].published, known[docnums[row]].row_id), reverse=True)
        if top > 0:
            group.sort(key=lambda row: -scores[row])  # stable: the newest first among equal scores
        yield from group
