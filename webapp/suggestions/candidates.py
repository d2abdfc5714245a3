"""Which open aanbod a vraag's suggestions are chosen from: at most CANDIDATES, the nearest that reach the vraag (and
the same for the vragen of an aanbod: the CANDIDATES nearest within its travel radius).

Scoring every open aanbod in reach made the cost grow with the aanbod in a region (2.3 s a vraag at 100,000 posts,
all in Drenthe: most of them in reach). The nearest come first because nearness is the one factor of the score that
a database can order by, and because a coördinator expects a helper from the neighbourhood before one from across the
province. The rule this changes, only where more than CANDIDATES aanbod reach one vraag: an aanbod farther away than
the CANDIDATES nearest is not suggested even when its text or category would score higher, and the text's 1 is the
best of the candidates (ranking.py). With at most CANDIDATES in reach the suggestions are exactly those of every
aanbod in reach.

The database returns the open aanbod in a box around the vraag, growing (RINGS_KM) until the box holds CANDIDATES
that reach it: every aanbod within a ring's radius lies in its box, so the nearest found are the nearest of all.
"""
from sqlalchemy import func, select

from webapp.extensions import db
from webapp.geo import bounding_box, distance_km
from webapp.posts.models import HelpOffer, HelpRequest, Post
from webapp.posts.vocab import MAX_TRAVEL_KM, OPEN

CANDIDATES = 200
RINGS_KM = (1, 2, 4, 8, 16, 32, MAX_TRAVEL_KM)  # up to the widest radius: every post that may be in reach
BOX_MARGIN = 1.01  # the database's box is a little wider than the radius: rounding never drops a post in reach


def nearest_offers_reaching(vraag, left_out):
    """The open aanbod whose own travel radius reaches the vraag (between the exact points), not by the vraag's
    author nor by anyone in `left_out` (author ids): the CANDIDATES nearest (ties by id), nearest first."""
    skip = set(left_out) | {vraag.author_id, None}
    lat_per_km, lon_per_km = _degrees_per_km(vraag.exact_point)
    lat, lon = vraag.exact_point
    reach = func.coalesce(HelpOffer.travel_km, 0)
    reaching = (func.abs(HelpOffer.latitude - lat) <= reach * lat_per_km,
                func.abs(HelpOffer.longitude - lon) <= reach * lon_per_km)
    return _nearest(HelpOffer, vraag.exact_point, MAX_TRAVEL_KM, reaching,
                    lambda row, km: row.author_id not in skip and km <= (row.travel_km or 0))


def nearest_requests_within(aanbod, left_out):
    """The same the other way round: the open vragen within the aanbod's travel radius, not by its author nor in
    `left_out` (vraag ids): the CANDIDATES nearest (ties by id), nearest first."""
    skip = set(left_out)
    return _nearest(HelpRequest, aanbod.exact_point, aanbod.travel_km or 0, (),
                    lambda row, _km: row.author_id != aanbod.author_id and row.id not in skip)


def _nearest(cls, point, widest_km, conditions, keep):
    """The CANDIDATES nearest open posts of `cls` within `widest_km` of `point` that meet the database
    `conditions` and `keep(row, km)`, read in growing boxes until one holds enough."""
    limit, found = CANDIDATES, []
    for ring_km in sorted({min(ring, widest_km) for ring in RINGS_KM} | {widest_km}):
        found = sorted((km, row.id) for row in _open_in_box(cls, point, ring_km, conditions)
                       if (km := distance_km(point, (row.latitude, row.longitude))) <= ring_km and keep(row, km))
        if len(found) >= limit:
            break
    chosen = [row_id for _km, row_id in found[:limit]]
    # By id from Post, not `cls`: the kind filter `cls` adds made SQLite read every post of the kind (ix_posts_kind)
    # instead of looking up the ids (20 ms at 100,000 posts).
    posts = {post.id: post for post in db.session.scalars(select(Post).where(Post.id.in_(chosen)))}
    return [posts[row_id] for row_id in chosen if row_id in posts]


def _open_in_box(cls, point, ring_km, conditions):
    """Plain rows of the open posts in the box of `ring_km` around `point` that meet `conditions` (a cheap
    pre-filter in the database, read from the index ix_posts_open_place; the exact distance decides)."""
    min_lat, min_lon, max_lat, max_lon = bounding_box(point, ring_km * BOX_MARGIN)
    return db.session.execute(select(cls.id, cls.author_id, cls.latitude, cls.longitude, cls.travel_km).where(
        cls.kind == cls.__search_kind__, cls.status == OPEN, cls.coordinator_only.is_(False),
        cls.latitude.between(min_lat, max_lat), cls.longitude.between(min_lon, max_lon), *conditions)).all()


def _degrees_per_km(point):
    """Degrees of latitude and longitude per km around `point`, from the widest radius (the most longitude per km),
    a little more (BOX_MARGIN)."""
    lat, lon = point
    widest = bounding_box(point, MAX_TRAVEL_KM)
    return (widest[2] - lat) / MAX_TRAVEL_KM * BOX_MARGIN, (widest[3] - lon) / MAX_TRAVEL_KM * BOX_MARGIN
