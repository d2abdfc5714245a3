"""What the kaart and the voor elkaar board share when they search: the place, the distances and the order.

A query here is any object with `near` (typed text), `near_point` (the resident's own position) and
`radius_km`; a candidate any object with `score` and `distance_km`.
"""
import math

from flask_babel import gettext as _

from webapp import geo
from webapp.errors import RuleViolation

RELEVANCE_BAND = 0.4


def place_of(query):
    """The place to measure from: the typed text, else the resident's own position, else None.

    Raises RuleViolation for a radius without a place, and geo's RuleViolation for a place we cannot find.
    """
    if query.near.strip():
        return geo.locate(query.near)
    if query.near_point is not None:
        return geo.here(*query.near_point)
    if query.radius_km is not None:
        raise RuleViolation([("radius_km", _("Geef bij een afstand ook een postcode of woonplaats op."))])
    return None


def in_box(point, box):
    min_lat, min_lon, max_lat, max_lon = box
    return min_lat <= point[0] <= max_lat and min_lon <= point[1] <= max_lon


def relevance_key(candidates, by_relevance):
    """Sort key: relevance band, then distance, then the exact score.

    Relevance is compared in bands of RELEVANCE_BAND of the best score: a BM25 difference smaller than that
    says little to a resident, and then the nearer result is the better answer. Without relevance only the
    distance counts, so an earlier (stable) sort decides among equals.
    """
    top = max((c.score for c in candidates), default=0.0) if by_relevance else 0.0

    def key(candidate):
        distance = candidate.distance_km if candidate.distance_km is not None else math.inf
        if top <= 0:
            return (0, distance, 0.0)
        return (int((1 - candidate.score / top) / RELEVANCE_BAND), distance, -candidate.score)
    return key
