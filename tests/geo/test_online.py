"""The opt-in Nominatim path: offline at once without network, the cache, the site-wide throttle.

Only Nominatim itself is replaced where a test needs an answer from it; the gazetteer and database are real.
"""
import time
from datetime import datetime, timedelta, timezone

import pytest
from geopy.geocoders import Nominatim
from geopy.location import Location
from sqlalchemy import func, select

from webapp.database import begin_write
from webapp.extensions import db
from webapp.geo import PlaceNotFound, locate, locate_for_saving, online, throttle
from webapp.geo.models import GeocodeCache, GeocodeThrottle
from webapp.geo.precision import ADRES, POSTCODE, STRAAT, WOONPLAATS

ZUIDEINDE_5_OSM = Location("5, Zuideinde, Meppel, Drenthe, Nederland, 7941 GA", (52.6952, 6.1907), {
    "addresstype": "place", "type": "house", "class": "place",
    "address": {"house_number": "5", "road": "Zuideinde", "town": "Meppel", "municipality": "Meppel",
                "postcode": "7941 GA", "country_code": "nl"},
})


class FakeNominatim:
    """Stands in for the Nominatim service only: answers `answer` and notes every question."""

    def __init__(self):
        self.asked, self.answer = [], ZUIDEINDE_5_OSM

    def geocode(self, query, **options):
        self.asked.append(query)
        return self.answer


@pytest.fixture
def nominatim(app, monkeypatch):
    app.config["GEOCODER"] = "nominatim"
    fake = FakeNominatim()
    monkeypatch.setattr(Nominatim, "geocode", lambda _self, query, **options: fake.geocode(query, **options))
    return fake


def count(model):
    """Rows as another process sees them now (the test's session may still read an older snapshot)."""
    with db.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(model)).scalar()


def test_without_network_saving_is_placed_offline_at_once(app):
    app.config.update(GEOCODER="nominatim", GEOCODER_NOMINATIM_DOMAIN="nominatim.invalid")  # never resolves
    started = time.monotonic()
    place = locate_for_saving("Zuideinde 5, Meppel")
    assert time.monotonic() - started < 3
    assert place == locate("Zuideinde 5, Meppel")
    assert count(GeocodeCache) == 0
    assert count(GeocodeThrottle) == 1  # the attempt counted against the site-wide limit


def test_online_answer_is_cached_and_asked_only_once(nominatim):
    first = locate_for_saving("Zuideinde 5, Meppel")
    again = locate_for_saving("zuideinde 5  meppel")
    assert nominatim.asked == ["Zuideinde 5, Meppel"]
    for place in (first, again):
        assert (place.label, place.precision, place.woonplaats, place.gemeente) == (
            "Zuideinde 5, Meppel", ADRES, "Meppel", "Meppel")
        assert (place.latitude, place.longitude) == (52.6952, 6.1907)
    assert db.session.get(GeocodeCache, "zuideinde 5 meppel").provider == "nominatim"


def test_a_cached_answer_needs_no_network(nominatim):
    db.session.add(GeocodeCache(query_key="7941 ab", provider="nominatim", address="7941 AB Meppel",
                                latitude=52.7, longitude=6.2, precision=POSTCODE))
    db.session.commit()
    place = locate_for_saving("7941 AB")
    assert nominatim.asked == []
    assert (place.label, place.latitude, place.longitude, place.precision, place.gemeente) == (
        "7941 AB Meppel", 52.7, 6.2, POSTCODE, "Meppel")
    assert count(GeocodeThrottle) == 0


def test_the_gemeente_is_added_to_the_question(nominatim):
    locate_for_saving("Zuideinde 5", gemeente="Meppel")
    locate_for_saving("Hoofdstraat 1, Meppel", gemeente="Meppel")
    assert nominatim.asked == ["Zuideinde 5, Meppel", "Hoofdstraat 1, Meppel"]


def test_an_answer_outside_the_gemeente_is_not_used(nominatim):
    with pytest.raises(PlaceNotFound):  # Nominatim's Zuideinde is in Meppel; offline knows none in Westerveld
        locate_for_saving("Zuideinde 5, Meppel", gemeente="Westerveld")
    assert nominatim.asked == ["Zuideinde 5, Meppel, Westerveld"]


def test_a_caller_holding_the_write_lock_is_not_kept_waiting(nominatim):
    """SQLite: the beheerder's own transaction holds the only write lock, so the throttle row cannot be
    written; we answer offline within a second instead of running into the 15 s busy timeout."""
    begin_write(db.session)
    db.session.add(GeocodeCache(query_key="other", provider="test", address="x", latitude=0, longitude=0,
                                precision=WOONPLAATS))
    db.session.flush()
    started = time.monotonic()
    place = locate_for_saving("Zuideinde 5, Meppel")
    assert time.monotonic() - started < 2
    assert place.label == "Zuideinde 5, Meppel"
    if db.engine.dialect.name == "sqlite":
        assert nominatim.asked == []  # no slot: answered offline
    db.session.commit()


def test_no_online_answer_is_placed_offline(nominatim):
    nominatim.answer = None
    assert locate_for_saving("Nijeveen") == locate("Nijeveen")
    assert count(GeocodeCache) == 0


def test_the_offline_setting_never_asks_nominatim(nominatim, app):
    app.config["GEOCODER"] = "offline"
    assert locate_for_saving("Zuideinde 5, Meppel") == locate("Zuideinde 5, Meppel")
    assert nominatim.asked == []


def test_an_empty_text_is_not_sent(nominatim):
    with pytest.raises(PlaceNotFound):
        locate_for_saving("  ")
    assert nominatim.asked == []


@pytest.mark.parametrize("raw, precision", [
    ({"addresstype": "place", "type": "house"}, ADRES),
    ({"addresstype": "building", "type": "yes"}, ADRES),
    ({"addresstype": "road", "type": "residential"}, STRAAT),
    ({"addresstype": "postcode", "type": "postcode"}, POSTCODE),
    ({"addresstype": "village", "type": "administrative"}, WOONPLAATS),
    ({"addresstype": "town", "type": "administrative"}, WOONPLAATS),
    ({"addresstype": "state", "type": "administrative"}, WOONPLAATS),
    ({}, WOONPLAATS),
])
def test_precision_follows_the_nominatim_address_type(raw, precision):
    assert online.precision_of(raw) == precision


def test_labels_read_like_the_offline_ones():
    address = ZUIDEINDE_5_OSM.raw
    assert online.label_of(address, ADRES, "x") == "Zuideinde 5, Meppel"
    assert online.label_of(address, STRAAT, "x") == "Zuideinde, Meppel"
    assert online.label_of(address, POSTCODE, "x") == "7941 GA Meppel"
    assert online.label_of(address, WOONPLAATS, "x") == "Meppel"
    assert online.label_of({}, WOONPLAATS, "Drenthe, Nederland") == "Drenthe, Nederland"


def test_a_long_query_still_fits_the_cache_key():
    long_key = online.query_key("Hoofdstraat " * 40)
    assert len(long_key) <= GeocodeCache.query_key.type.length
    assert long_key != online.query_key("Hoofdstraat " * 41)
    assert online.query_key(" Zuideinde 5 ,  MEPPEL") == "zuideinde 5 meppel"


NOW = datetime(2026, 11, 25, 12, 0, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("last, wait", [
    (None, 0.0),
    (NOW, 1.0),
    (NOW - timedelta(seconds=0.25), 0.75),
    (NOW - timedelta(seconds=1), 0.0),
    (NOW - timedelta(hours=1), 0.0),
    (NOW + timedelta(seconds=30), 1.0),  # another server's clock runs ahead: wait one interval, not 30 s
    (NOW.replace(tzinfo=None) - timedelta(seconds=0.5), 0.5),  # SQLite gives the time back without zone
])
def test_seconds_to_wait(last, wait):
    assert throttle.seconds_to_wait(last, NOW) == pytest.approx(wait)


class FakeClock:
    def __init__(self):
        self.now, self.slept = NOW, []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += timedelta(seconds=seconds)


def test_one_request_per_second_for_the_whole_site(app):
    clock = FakeClock()
    assert throttle.acquire("nominatim", clock=clock, sleep=clock.sleep)
    assert throttle.acquire("nominatim", clock=clock, sleep=clock.sleep)
    assert clock.slept == [1.0]
    assert not throttle.acquire("nominatim", clock=clock, sleep=clock.sleep, max_wait=0.5)  # busy: answer offline
    last = db.session.scalar(select(GeocodeThrottle.last_request_at))
    assert last.replace(tzinfo=timezone.utc) == NOW + timedelta(seconds=1)


def test_a_slot_taken_by_another_process_is_not_taken_twice(app):
    assert throttle.acquire("nominatim", clock=lambda: NOW)
    assert not throttle._swap("nominatim", NOW - timedelta(seconds=5), NOW + timedelta(seconds=2))
    assert not throttle._swap("nominatim", None, NOW + timedelta(seconds=2))  # the row exists already
    seen = db.session.scalar(select(GeocodeThrottle.last_request_at))
    assert throttle._swap("nominatim", seen, NOW + timedelta(seconds=2))
