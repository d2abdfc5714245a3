"""What makes a search cost the page, not the hits: the map's first results only, hours from the index document
(with its dated exceptions) for "nu open", and the same answers as before (tests/directory/test_routes.py)."""
from datetime import date, datetime, time, timezone
from types import SimpleNamespace as Row

import pytest

from tests.factories import make_service
from webapp.directory import packed_hours, services
from webapp.directory.hours import AMSTERDAM, is_open, local_now
from webapp.directory.models import Schedule, ScheduleException
from webapp.directory.services import ServiceQuery, search_services
from webapp.extensions import db


def at(year, month, day, hour, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM).astimezone(timezone.utc)


SLOTS = [Row(weekday=0, opens=time(9), closes=time(12, 30)), Row(weekday=4, opens=time(22), closes=time(2))]
EXCEPTIONS = [Row(day=date(2026, 11, 23), closed=True, opens=None, closes=None),
              Row(day=date(2026, 11, 30), closed=False, opens=time(13), closes=time(14))]


@pytest.mark.parametrize("moment", [at(2026, 11, 23, 10), at(2026, 11, 30, 10), at(2026, 11, 30, 13, 30),
                                    at(2026, 12, 7, 12, 29), at(2026, 12, 7, 12, 30), at(2026, 11, 28, 1, 59),
                                    at(2026, 11, 28, 2), at(2026, 11, 27, 22)])
def test_packed_hours_say_what_the_hours_say(moment):
    packed = packed_hours.pack(SLOTS, EXCEPTIONS)
    assert packed_hours.open_now(packed, moment) is is_open(SLOTS, EXCEPTIONS, moment)


def test_no_hours_pack_to_unknown():
    assert packed_hours.pack([], []) == "" and packed_hours.open_now("", at(2026, 11, 23, 10)) is None


def test_a_closed_day_in_the_index_takes_a_service_out_of_nu_open(client):
    always = [Schedule(weekday=day, opens=time(0), closes=time(0)) for day in range(7)]
    open_one, closed_today = make_service("Inloop Open", commit=False), make_service("Inloop Dicht", commit=False)
    open_one.schedules = always
    closed_today.schedules = [Schedule(weekday=day, opens=time(0), closes=time(0)) for day in range(7)]
    closed_today.schedule_exceptions = [ScheduleException(day=local_now().date(), closed=True)]
    db.session.commit()
    found = search_services(ServiceQuery(open_now=True))
    assert [item.service.name for item in found.items] == ["Inloop Open"] and found.facets["open_now"] == 1
    assert [item.open_now for item in search_services(ServiceQuery()).items] == [False, True]  # by name: Dicht, Open


def test_the_map_gets_the_first_results_and_the_page_not_every_match(demo, client, monkeypatch):
    monkeypatch.setattr(services, "MAX_MARKERS", 22)
    first = search_services(ServiceQuery(text="schulden", near="7941", per_page=30))
    order = [item.service.id for item in first.items]
    assert first.total == len(order) == 27
    page_one = search_services(ServiceQuery(text="schulden", near="7941"))
    assert [m.row_id for m in page_one.markers] == order[:22]
    markers = client.get("/zoeken/kaart?q=schulden&plaats=7941").get_json()
    assert [m["id"] for m in markers] == order[:22]
    page_two = search_services(ServiceQuery(text="schulden", near="7941", page=2))
    assert [m.row_id for m in page_two.markers] == order  # the first 22 and this page's 7


def test_packed_hours_keep_holidays_and_tijdelijk_gesloten():
    christmas = at(2026, 12, 25, 10)  # a Friday
    weekdays = [Row(weekday=day, opens=time(9), closes=time(17)) for day in range(5)]
    assert packed_hours.open_now(packed_hours.pack(weekdays, []), christmas) is False
    assert packed_hours.open_now(packed_hours.pack(weekdays, [], open_on_holidays=True), christmas) is True
    closed = packed_hours.pack(weekdays, [], closed_until=date(2026, 12, 1))
    assert packed_hours.open_now(closed, at(2026, 12, 1, 10)) is False
    assert packed_hours.open_now(closed, at(2026, 12, 2, 10)) is True
    assert packed_hours.open_now(packed_hours.pack([], [], closed_until=date(2026, 12, 1)), at(2026, 12, 1, 10)) is False


def test_a_radius_scores_only_what_is_near_but_counts_every_word_hit(client):
    near = make_service("Schuldhulp Dichtbij", point=(52.6956, 6.1937), precision="adres")
    make_service("Schuldhulp Veraf", gemeente="Assen", point=(52.9929, 6.5642), precision="adres")
    found = search_services(ServiceQuery(text="schuldhulp", near="7941", radius_km=5))
    assert [item.service.id for item in found.items] == [near.id] and found.total == 1
    assert found.word_hits == 2  # the words found something: not a search "zonder resultaat"
    nothing_near = search_services(ServiceQuery(text="schuldhulp", near="Assen", radius_km=1))
    assert nothing_near.total == 0 and nothing_near.word_hits == 2


def test_the_gemeente_filter_lists_the_gemeenten_of_the_voorzieningen_not_archived(client):
    make_service("Inloop Meppel", gemeente="Meppel")
    gone = make_service("Inloop Assen", gemeente="Assen")
    assert services.gemeenten() == ["Assen", "Meppel"]
    page = client.get("/zoeken?q=inloop").get_data(as_text=True)
    assert '<option value="Assen">Assen (1)</option>' in page
    gone.archived_at = datetime.now(timezone.utc)
    db.session.commit()
    assert services.gemeenten() == ["Meppel"]
    make_service("Inloop Zwolle", gemeente="Zwolle")
    assert services.gemeenten() == ["Meppel", "Zwolle"]
    response = client.get("/zoeken?q=inloop&gemeente=Assen")  # an old link: not a choice any more
    assert response.status_code == 200 and "Assen (" not in response.get_data(as_text=True)
