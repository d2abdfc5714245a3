"""What the public may see of a post: a grid-cell point and rounded distances (contact details: webapp.text).

The point is snapped to the centre of a fixed grid cell of about 500 m by 500 m: the same cell for the
same house on every request. Random jitter would average back to the house over many requests.
"""
import math

# One cell: 0.0045° of latitude is 500 m everywhere; 0.0074° of longitude is 500 m at 52.7° N (Drenthe).
CELL_LAT = 0.0045
CELL_LON = 0.0074
DISTANCE_STEP_KM = 0.5


def snap(latitude, longitude):
    """The centre of the grid cell the point lies in (None for no point)."""
    if latitude is None or longitude is None:
        return None
    return (_centre(latitude, CELL_LAT), _centre(longitude, CELL_LON))


def _centre(value, step):
    return round((math.floor(value / step) + 0.5) * step, 6)


def round_distance(km):
    """A distance to a post, rounded to half a kilometre (never 0: the same cell is 'within 0,5 km')."""
    if km is None:
        return None
    return max(DISTANCE_STEP_KM, round(km / DISTANCE_STEP_KM) * DISTANCE_STEP_KM)
