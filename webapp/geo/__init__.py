"""Geocoding and distance: the offline gazetteer first, geopy's Nominatim only when enabled.

Nothing is read at import or in init_app: the gazetteer loads on first use, once per process.
"""
from webapp.geo import cli
from webapp.geo.distance import bounding_box, distance_km, rounded_distances_km
from webapp.geo.errors import AmbiguousPlace, PlaceNotFound
from webapp.geo.gemeenten import gemeente_names, gemeente_of
from webapp.geo.geocoder import OfflineGeocoder
from webapp.geo.location import PlacedLocation
from webapp.geo.services import here, locate, locate_for_saving

GEOCODERS = ("offline", "nominatim")

__all__ = [
    "AmbiguousPlace", "OfflineGeocoder", "PlaceNotFound", "PlacedLocation",
    "bounding_box", "distance_km", "gemeente_names", "gemeente_of", "here", "init_app", "locate", "locate_for_saving",
    "rounded_distances_km",
]


def init_app(app):
    app.config.setdefault("GEOCODER", "offline")
    if app.config["GEOCODER"] not in GEOCODERS:
        raise ValueError(f"GEOCODER must be one of {', '.join(GEOCODERS)}, not {app.config['GEOCODER']!r}")
    app.cli.add_command(cli.geo_group)
    from webapp.geo.retention import purge_geocode_cache
    from webapp.privacy.retention import retention_purging
    retention_purging.connect(purge_geocode_cache)
