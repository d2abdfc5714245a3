"""Placing typed text: offline on every request, optionally Nominatim when a beheerder saves a location."""
from flask import current_app

from webapp.geo import online
from webapp.geo.errors import empty_place, unknown_place
from webapp.geo.geocoder import OfflineGeocoder

_offline = OfflineGeocoder()


def locate(text, gemeente=None):
    """The place the text names, offline only; raises PlaceNotFound or AmbiguousPlace (RuleViolations)."""
    if not text or not text.strip():
        raise empty_place()
    place = _offline.geocode(text, gemeente=gemeente)
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
