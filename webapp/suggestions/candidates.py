"""Which open aanbod a vraag's suggestions are chosen from: at most CANDIDATES, the nearest that reach the vraag.

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
from webapp.posts.models import HelpOffer
from webapp.posts.vocab import MAX_TRAVEL_KM, OFFER, OPEN

CANDIDATES = 200
RINGS_KM = (1, 2, 4, 8, 16, 32, MAX_TRAVEL_KM)  # the last one holds every aanbod that may reach the vraag
BOX_MARGIN = 1.01  # the database's box is a little wider than the radius: rounding never drops a post in reach


def nearest_offers_reaching(vraag, left_out):
    """The open aanbod whose own travel radius reaches the vraag (between the exact points), not by the vraag's
    author nor by anyone in `left_out` (author ids): the CANDIDATES nearest (ties by id), nearest first."""
    point, limit = vraag.exact_point, CANDIDATES
    skip = set(left_out) | {vraag.author_id, None}
    for ring_km in RINGS_KM:
        found = sorted((km, row.id) for row in _offers_reaching(point, ring_km) if row.author_id not in skip
                       and (km := distance_km(point, (row.latitude, row.longitude))) <= min(row.travel_km or 0,
                                                                                            ring_km))
        if len(found) >= limit:
            break
    chosen = [row_id for _km, row_id in found[:limit]]
    offers = {offer.id: offer for offer in db.session.scalars(select(HelpOffer).where(HelpOffer.id.in_(chosen)))}
    return [offers[row_id] for row_id in chosen if row_id in offers]


def _offers_reaching(point, ring_km):
    """Plain rows of the open aanbod in the box of `ring_km` around `point` whose box of their own travel_km holds
    the point (a cheap pre-filter in the database; the exact distance decides). Degrees per km from the widest
    radius, which has the most longitude per km."""
    lat, lon = point
    widest = bounding_box(point, MAX_TRAVEL_KM)
    lat_per_km = (widest[2] - lat) / MAX_TRAVEL_KM * BOX_MARGIN
    lon_per_km = (widest[3] - lon) / MAX_TRAVEL_KM * BOX_MARGIN
    min_lat, min_lon, max_lat, max_lon = bounding_box(point, ring_km * BOX_MARGIN)
    reach = func.coalesce(HelpOffer.travel_km, 0)
    return db.session.execute(select(
        HelpOffer.id, HelpOffer.author_id, HelpOffer.latitude, HelpOffer.longitude, HelpOffer.travel_km).where(
        HelpOffer.kind == OFFER, HelpOffer.status == OPEN, HelpOffer.coordinator_only.is_(False),
        HelpOffer.latitude.between(min_lat, max_lat), HelpOffer.longitude.between(min_lon, max_lon),
        func.abs(HelpOffer.latitude - lat) <= reach * lat_per_km,
        func.abs(HelpOffer.longitude - lon) <= reach * lon_per_km)).all()
