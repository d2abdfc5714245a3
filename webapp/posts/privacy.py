"""What the public may see of a post: a point that at least k addresses share, and rounded distances.

The public point is the centre of the smallest grid cell (500 m, 1 km, 2 km, 4 km, 8 km) that at least k
addresses share (geo.density; k is the setting PRIVACY_K, 50 by default), else the centre of the woonplaats
(the gemeente's when the woonplaats has fewer than k addresses). The same point on every request: random jitter
would average back to the house. Contact details: webapp.text.mask_contact.
"""
from flask import current_app

from webapp.geo.density import shared_point, woonplaats_point

DISTANCE_STEP_KM = 0.5


def public_point(latitude, longitude, woonplaats, gemeente):
    """Where the post is shown (None for no point)."""
    if latitude is None or longitude is None:
        return None
    k = current_app.config["PRIVACY_K"]
    return shared_point((latitude, longitude), k) or woonplaats_point(woonplaats, gemeente, k)


def place_publicly(post):
    """Set the post's public point from its exact point; True when it moved."""
    point = public_point(post.latitude, post.longitude, post.woonplaats, post.gemeente) or (None, None)
    if point == (getattr(post, "public_latitude", None), getattr(post, "public_longitude", None)):
        return False
    post.public_latitude, post.public_longitude = point
    return True


def round_distance(km):
    """A distance to a post, rounded to half a kilometre (never 0: the same cell is 'within 0,5 km')."""
    if km is None:
        return None
    return max(DISTANCE_STEP_KM, round(km / DISTANCE_STEP_KM) * DISTANCE_STEP_KM)
