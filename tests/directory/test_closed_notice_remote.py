"""'Tijdelijk gesloten' and a short notice that end by themselves; voorzieningen online or by phone only, which have
no place on the map and are found by their werkgebied. The clock is frozen (frozen_clock)."""
from datetime import date, time

import pytest

from tests.directory.test_routes import get, result_item
from tests.factories import make_service
from tests.html_forms import main_form
from webapp.directory.models import Schedule, Service
from webapp.extensions import db

MEPPEL = (52.6956, 6.1944)


def every_day():
    return [Schedule(weekday=day, opens=time(9), closes=time(17)) for day in range(7)]


@pytest.fixture
def closed(app):
    service = make_service("Buurthuis De Kolk", commit=False, closed_until=date(2027, 1, 10),
                           closed_note="verbouwing", notice="Let op: na de verbouwing aan de Kerkstraat 3.",
                           notice_until=date(2027, 1, 31))
    service.schedules = every_day()
    db.session.commit()
    return service


def test_tijdelijk_gesloten_shows_everywhere_and_ends_by_itself(closed, client, frozen_clock):
    frozen_clock(2027, 1, 6, 10)
    page = get(client, "/zoeken")
    item = result_item(page, closed.name)
    assert "Tijdelijk gesloten tot en met 10 januari 2027" in item and "Nu gesloten" in item
    assert get(client, "/zoeken?nu_open=y").names == []
    detail = get(client, f"/voorzieningen/{closed.slug}")
    assert "Tijdelijk gesloten tot en met zondag 10 januari 2027: verbouwing" in detail.text("main")[0]
    assert "gesloten (tijdelijk gesloten)" in detail.text("td")
    frozen_clock(2027, 1, 11, 10)  # the day after: open again, nothing said
    item = result_item(get(client, "/zoeken"), closed.name)
    assert "Tijdelijk gesloten" not in item and "Nu open" in item
    assert get(client, "/zoeken?nu_open=y").names == [closed.name]


def test_a_notice_is_shown_until_its_date(closed, client, frozen_clock):
    frozen_clock(2027, 1, 31, 23, 30)
    assert "Let op: Let op: na de verbouwing" in result_item(get(client, "/zoeken"), closed.name)
    assert "na de verbouwing aan de Kerkstraat 3." in get(client, f"/voorzieningen/{closed.slug}").text("main")[0]
    assert client.get(f"/api/v1/voorzieningen/{closed.id}").get_json()["notice"].endswith("Kerkstraat 3.")
    frozen_clock(2027, 2, 1, 0, 30)
    assert "Kerkstraat" not in result_item(get(client, "/zoeken"), closed.name)
    assert "Kerkstraat" not in get(client, f"/voorzieningen/{closed.slug}").html
    assert client.get(f"/api/v1/voorzieningen/{closed.id}").get_json()["notice"] is None


@pytest.fixture
def remote(app):
    """A phone line of Meppel, placed (as imports do) at the gemeente's centre, and a buurthuis there."""
    line = make_service("Telefonische Hulplijn Meppel", point=MEPPEL, precision="gemeente", remote_only=True)
    house = make_service("Buurthuis Centrum", point=MEPPEL, precision="adres")
    return line, house


def test_remote_only_is_not_on_the_map_nor_given_a_point(remote, client):
    line, house = remote
    markers = client.get("/zoeken/kaart").get_json()
    assert [marker["name"] for marker in markers] == [house.name]
    item = client.get(f"/api/v1/voorzieningen/{line.id}").get_json()
    assert (item["lat"], item["lon"], item["precision"], item["remote_only"]) == (None, None, None, True)
    assert "Alleen online of telefonisch" in result_item(get(client, "/zoeken"), line.name)
    detail = get(client, f"/voorzieningen/{line.slug}")
    assert "er is geen adres om langs te gaan" in detail.text("main")[0]
    assert not detail.find("div", id="detail-kaart") and "data-lat" not in detail.html


def test_remote_only_is_found_by_its_werkgebied_within_a_radius(remote, client):
    line, house = remote
    near = client.get("/api/v1/voorzieningen?near=7941&radius_km=2").get_json()
    assert {item["name"] for item in near["results"]} == {line.name, house.name}
    [found] = [item for item in near["results"] if item["name"] == line.name]
    assert found["in_area"] is True and found["distance_km"] is None
    far = client.get("/api/v1/voorzieningen?near=Eelde&radius_km=10").get_json()  # Tynaarlo: not its werkgebied
    assert far["results"] == []


def test_beheer_sets_them_and_a_notice_needs_its_end_date(app, client, login):
    service = make_service("Inloop Oost", gemeente="Meppel")
    login("beheerder")
    url = f"/beheer/voorzieningen/{service.id}/bewerken"
    form = main_form(client.get(url).text)
    refused = client.post(url, data={**form, "notice": "Let op: verhuisd."})
    assert refused.status_code == 200 and "tot en met welke dag de mededeling" in refused.text
    assert db.session.get(Service, service.id).notice is None
    response = client.post(url, data={**form, "notice": "Let op: verhuisd.", "notice_until": "2027-03-01",
                                      "closed_until": "2027-02-01", "closed_note": "verhuizing", "remote_only": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    saved = db.session.get(Service, service.id)
    assert (saved.notice, saved.notice_until, saved.closed_until, saved.closed_note, saved.remote_only) == (
        "Let op: verhuisd.", date(2027, 3, 1), date(2027, 2, 1), "verhuizing", True)
    log = client.get(url).text
    assert "Mededeling tot en met: — → 2027-03-01" in log and "Alleen online of telefonisch: nee → ja" in log
