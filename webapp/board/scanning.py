"""The board's filters, facet counts and order over all hits of a search at once, as the kaart's
directory/scanning.py: the hits and the facts they are filtered, counted and ordered by are numpy arrays
(search.kinds.Matches, search.columns), so no Python object is made per hit. Public points are shared by many
posts (posts.privacy), so a distance is measured once per point, with geo's own function (the same kilometres
as one at a time). Only the runs of equal (relevance band, distance, score) that reach the page are sorted by
when the post was published.
"""
from functools import cached_property

import numpy as np

from webapp import geo
from webapp.directory import ranking
from webapp.posts.privacy import round_distance
from webapp.posts.vocab import CATEGORIES

CATEGORY_SLUGS = frozenset(CATEGORIES)
BOX_MARGIN_KM = 1  # a distance rounded down to the radius still counts


class Scan:
    """The rows of a board search that pass its filters, as arrays by row number (`docnums`, `scores`, `distances`
    with nan for none, `kinds` as indexes into `kind_names`; `facts` by document number), and its facet counts
    (`facets`: every category and kind with the filters other than category applied)."""

    def __init__(self, place, radius_km, gemeente, categories):
        self.origin = (place.latitude, place.longitude) if place is not None else None
        self.radius_km = radius_km
        self.box = (geo.bounding_box(self.origin, radius_km + BOX_MARGIN_KM)
                    if self.origin is not None and radius_km is not None else None)
        self.gemeente = gemeente.strip().casefold() if gemeente else None
        self.categories = frozenset(categories) & CATEGORY_SLUGS if categories else None
        self.kind_names, self.facts, self._parts = [], [], []
        self._categories, self._kinds = {}, {}

    def run(self, kind, matches):
        """Add the matches of one kind (search.kinds.Matches)."""
        self.facts, found = matches.facts, matches.columns
        docnums = matches.docnums
        distances = self._distances(found, docnums)
        keep = np.ones(len(docnums), dtype=bool)
        if self.radius_km is not None:
            keep &= distances <= self.radius_km  # nan (no distance) is never within
        if self.gemeente is not None:
            keep &= found.table("gemeente", lambda name: (name or "").casefold() == self.gemeente, bool)[
                found.codes["gemeente"][docnums]]
        kept = docnums[keep]
        if len(kept):
            self._kinds[kind] = len(kept)
        for slug in CATEGORIES:
            count = int(np.count_nonzero(found.themes[slug][kept])) if slug in found.themes else 0
            if count:
                self._categories[slug] = self._categories.get(slug, 0) + count
        if self.categories is not None:
            keep &= self._any_category(found, docnums)
        self.kind_names.append(kind)
        self._parts.append((docnums[keep], matches.scores[keep], distances[keep],
                            np.full(int(np.count_nonzero(keep)), len(self.kind_names) - 1, dtype=np.int8)))

    @cached_property
    def rows(self):
        """(docnums, scores, distances, kinds) of every row, the kinds in the order they were run (read once every
        kind has run)."""
        if not self._parts:
            return np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0), np.zeros(0, dtype=np.int8)
        return tuple(np.concatenate(column) for column in zip(*self._parts))

    @property
    def total(self):
        return len(self.rows[0])

    @property
    def facets(self):
        return {"categories": dict(self._categories), "kinds": dict(self._kinds)}

    def _distances(self, found, docnums):
        """The distance of every hit's public point from the place, rounded as residents see it; nan without a
        place or point, or outside the radius's box."""
        distances = np.full(len(docnums), np.nan)
        if self.origin is None:
            return distances
        lat, lon = found.lat[docnums], found.lon[docnums]
        measured = ~np.isnan(lat)
        if self.box is not None:  # ranking.in_box
            min_lat, min_lon, max_lat, max_lon = self.box
            measured &= (min_lat <= lat) & (lat <= max_lat) & (min_lon <= lon) & (lon <= max_lon)
        points, which = np.unique(lat[measured] + 1j * lon[measured], return_inverse=True)
        per_point = [round_distance(geo.distance_km(self.origin, (point.real, point.imag)))
                     for point in points.tolist()]
        distances[measured] = np.array(per_point, dtype=np.float64)[which] if per_point else []
        return distances

    def _any_category(self, found, docnums):
        wanted = [found.themes[slug] for slug in sorted(self.categories) if slug in found.themes]
        return np.logical_or.reduce([column[docnums] for column in wanted]) if wanted else \
            np.zeros(len(docnums), dtype=bool)


def in_order(scan, by_relevance):
    """The row numbers of `scan` in the board's order, lazily: relevance band (of the best score, as on the kaart),
    distance, score, then the newest first (when published, then the row id, both descending). The rows are
    sorted by the first three at once; each run of equal ones is sorted by the newest when the caller reaches it."""
    docnums, scores, distances, _kinds = scan.rows
    top = float(scores.max()) if by_relevance and len(scores) else 0.0
    if top > 0:
        band, score = ((1 - scores / top) / ranking.RELEVANCE_BAND).astype(np.int64), -scores
    else:
        band, score = np.zeros(len(scores), dtype=np.int64), np.zeros(len(scores))
    far = np.where(np.isnan(distances), np.inf, distances)
    order = np.lexsort((score, far, band))
    band, far, score = band[order], far[order], score[order]
    starts = np.flatnonzero((band[1:] != band[:-1]) | (far[1:] != far[:-1]) | (score[1:] != score[:-1])) + 1
    known = scan.facts
    for run in np.split(order, starts) if len(order) else ():
        rows = run.tolist()
        if len(rows) > 1:
            rows.sort(key=lambda row: (known[docnums[row]].published, known[docnums[row]].row_id), reverse=True)
        yield from rows
