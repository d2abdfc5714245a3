"""Placing typed text: offline on every request, optionally Nominatim when a beheerder saves a location."""
from flask import current_app

from webapp.geo import online
from flask_babel import gettext as _

from webapp.geo.districts import find_district
from webapp.geo.errors import empty_place, outside_netherlands, unknown_place
from webapp.geo.geocoder import OfflineGeocoder
from webapp.geo.location import PlacedLocation
from webapp.geo.precision import ADRES

_offline = OfflineGeocoder()


def locate(text, gemeente=None):
    """The place the text names, offline only; raises PlaceNotFound or AmbiguousPlace (RuleViolations)."""
    if not text or not text.strip():
        raise empty_place()
    place = find_district(text, gemeente) or _offline.geocode(text, gemeente=gemeente)
    if place is None:
        raise unknown_place(text, gemeente)
    return place


def locate_for_saving(text, gemeente=None):
    """As locate, but asks Nominatim first when GEOCODER is "nominatim"; offline whenever it cannot answer."""
    if text and text.strip() and current_app.config.get("GEOCODER", "offline") == "nominatim":
        place = online.locate_online(text, gemeente)
        if place is not None:
            return place
    return locate(text, gemeente)


NETHERLANDS = (50.7, 3.2, 53.7, 7.3)  # min lat, min lon, max lat, max lon


def here(latitude, longitude):
    """The resident's own position ("gebruik mijn locatie"), if it lies in the Netherlands."""
    min_lat, min_lon, max_lat, max_lon = NETHERLANDS
    if not (min_lat <= latitude <= max_lat and min_lon <= longitude <= max_lon):
        raise outside_netherlands()
    return PlacedLocation(_("uw locatie"), (latitude, longitude), {}, precision=ADRES)
