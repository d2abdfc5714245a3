"""Nominatim (OpenStreetMap), opt-in, only when a beheerder saves a location: cached, throttled site-wide.

Any trouble (no network, timeout, refusal, no result, no free slot) gives None, and the caller answers
offline at once.
"""
import hashlib

from flask import current_app
from geopy.exc import GeopyError
from geopy.geocoders import Nominatim
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError, OperationalError

from webapp.extensions import db
from webapp.geo import throttle
from webapp.geo.errors import AmbiguousPlace
from webapp.geo.geocoder import OfflineGeocoder
from webapp.geo.location import PlacedLocation
from webapp.geo.models import GeocodeCache
from webapp.geo.precision import ADRES, POSTCODE, STRAAT, WOONPLAATS
from webapp.geo.text import compact, key, normalise, tokenize
from webapp.geo.transaction import own_transaction

PROVIDER = "nominatim"
DOMAIN = "nominatim.openstreetmap.org"  # GEOCODER_NOMINATIM_DOMAIN may name a self-hosted one
TIMEOUT = 3  # seconds; a beheerder is waiting
KEY_LENGTH = GeocodeCache.query_key.type.length
PRECISION_OF_TYPE = {
    "house": ADRES, "building": ADRES, "road": STRAAT, "postcode": POSTCODE,
    "city": WOONPLAATS, "town": WOONPLAATS, "village": WOONPLAATS,
}
TOWN_FIELDS = ("city", "town", "village", "hamlet", "municipality")


def locate_online(text, gemeente=None):
    """Nominatim's answer (from the cache when asked before); None when it has none or is out of reach."""
    query = text if not gemeente or key(gemeente) in compact(tokenize(text)) else f"{text}, {gemeente}"
    cache_key = query_key(query)
    place = _cached(cache_key) or _fetch(query, cache_key)
    if place is not None and gemeente and place.gemeente and key(place.gemeente) != key(gemeente):
        return None  # found, but outside the gemeente the location belongs to
    return place


def _cached(cache_key):
    """Read on a connection of our own: a query through the caller's session would start its transaction
    as a reader, and on SQLite a reader that later writes can fail (see webapp.database.begin_write)."""
    with db.engine.connect() as connection:
        row = connection.execute(select(GeocodeCache.__table__).where(GeocodeCache.query_key == cache_key)).first()
    if row is None:
        return None
    return placed(row.address, (row.latitude, row.longitude), row.precision, {"cached": True})


def _fetch(query, cache_key):
    if not throttle.acquire(PROVIDER):
        current_app.logger.info("Nominatim is busy; placing %r offline", query)
        return None
    place = _ask(query)
    if place is not None:
        _remember(cache_key, place)
    return place


def query_key(query):
    """The normalised query; a very long one ends in a hash so that it still fits the column."""
    normal = normalise(query)
    if len(normal) <= KEY_LENGTH:
        return normal
    return f"{normal[:KEY_LENGTH - 41]}#{hashlib.sha1(normal.encode()).hexdigest()}"


def _ask(query):
    config = current_app.config
    geocoder = Nominatim(user_agent=config["GEOCODER_USER_AGENT"], timeout=TIMEOUT,
                         domain=config.get("GEOCODER_NOMINATIM_DOMAIN", DOMAIN))
    try:
        found = geocoder.geocode(query, exactly_one=True, addressdetails=True, country_codes="nl")
    except GeopyError as error:
        current_app.logger.warning("Nominatim failed for %r (%s); placing offline", query, error)
        return None
    if found is None:
        return None
    precision = precision_of(found.raw)
    return placed(label_of(found.raw, precision, found.address), (found.latitude, found.longitude), precision,
                  found.raw)


def precision_of(raw):
    for kind in (raw.get("addresstype"), raw.get("type")):
        if kind in PRECISION_OF_TYPE:
            return PRECISION_OF_TYPE[kind]
    return WOONPLAATS


def label_of(raw, precision, fallback):
    """The same kind of label the offline geocoder gives: "Zuideinde 1, Meppel", "7941 AB Meppel", "Meppel"."""
    address = raw.get("address", {})
    town = next((address[field] for field in TOWN_FIELDS if address.get(field)), None)
    road, number, postcode = address.get("road"), address.get("house_number"), address.get("postcode")
    if town and road and number and precision == ADRES:
        return f"{road} {number}, {town}"
    if town and road and precision == STRAAT:
        return f"{road}, {town}"
    if town and postcode and precision == POSTCODE:
        return f"{postcode} {town}"
    return town or fallback[:GeocodeCache.address.type.length]


def placed(label, point, precision, raw):
    """A PlacedLocation whose woonplaats and gemeente come from the offline data, for cached rows too."""
    woonplaats, gemeente = _names_from_label(label)
    return PlacedLocation(label, point, dict(raw, source=PROVIDER), precision=precision,
                          woonplaats=woonplaats, gemeente=gemeente)


def _names_from_label(label):
    """Looked up offline, so a cached answer gets the same names as a fresh one; (None, None) when unknown."""
    try:
        known = OfflineGeocoder().geocode(label.rsplit(",", 1)[-1])
    except AmbiguousPlace:
        known = None
    return (known.woonplaats, known.gemeente) if known else (None, None)


def _remember(cache_key, place):
    row = {
        "query_key": cache_key, "provider": PROVIDER, "address": place.label, "latitude": place.latitude,
        "longitude": place.longitude, "precision": place.precision,
    }
    try:
        with own_transaction() as connection:
            connection.execute(insert(GeocodeCache.__table__).values(**row))
    except IntegrityError:
        pass  # another process cached the same query first
    except OperationalError as error:
        current_app.logger.warning("Could not cache the answer for %r: %s", cache_key, error)
