"""Which gemeente a place lies in, and the gemeenten the shipped data knows by name."""
from functools import cache

from webapp.geo.distance import bounding_box, distance_km
from webapp.geo.gazetteer import get_gazetteer

NEAREST_KM = 10.0  # a place the data has no gemeente for borrows the nearest one within this distance


def gemeente_names():
    """The gemeenten of the data, as it spells them."""
    return tuple(sorted(entry.gemeente for entry in get_gazetteer().gemeenten.values()))


def gemeente_of(place):
    """The gemeente of a placed location: its own from the data, else that of the nearest place of the data
    within NEAREST_KM (a PC4 outside the Drenthe data, the resident's own position), else None."""
    if place is None:
        return None
    if getattr(place, "gemeente", None):
        return place.gemeente
    return _nearest((place.latitude, place.longitude))


def _nearest(point):
    min_lat, min_lon, max_lat, max_lon = bounding_box(point, NEAREST_KM)
    near = [(distance_km(point, (lat, lon)), gemeente) for lat, lon, gemeente in _points()
            if min_lat <= lat <= max_lat and min_lon <= lon <= max_lon]
    distance, gemeente = min(near, default=(None, None))
    return gemeente if distance is not None and distance <= NEAREST_KM else None


@cache
def _points():
    """Every woonplaats, place and hoofdplaats of the data that has a gemeente, as (lat, lon, gemeente)."""
    gazetteer = get_gazetteer()
    entries = [entry for group in (*gazetteer.woonplaatsen.values(), *gazetteer.places.values()) for entry in group]
    entries += gazetteer.gemeenten.values()
    return tuple((entry.lat, entry.lon, entry.gemeente) for entry in entries if entry.gemeente)
