"""Bad input found by fuzzing gets a Dutch message on the form, never a 500, and saves nothing."""
import pytest

from tests.factories import make_service
from webapp.directory.models import Service
from webapp.extensions import db
from webapp.forms import page_number

HUGE = "9" * 400


@pytest.mark.parametrize("url", ["/zoeken?straal=%20", "/voor-elkaar?afstand=%20", "/zoeken?toegang=%20",
                                 "/zoeken?straal=%20&plaats=Meppel"])
def test_a_blank_choice_means_nothing_chosen(client, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", [f"/zoeken?pagina={HUGE}", f"/voor-elkaar?pagina={HUGE}", "/zoeken?pagina=%C2%B2",
                                 "/voor-elkaar?pagina=0", "/thema/geld-en-schulden?pagina=-1"])
def test_a_page_number_out_of_range_is_told_in_dutch(client, url):
    response = client.get(url)
    assert response.status_code in (200, 400)
    assert "Kies een pagina van 1 tot en met 1000." in response.get_data(as_text=True)


def test_the_log_and_the_api_read_pages_with_the_same_parser(client, login):
    login("coordinator")
    assert client.get(f"/coordinator/logboek?pagina={HUGE}").status_code == 200
    assert client.get(f"/api/v1/voorzieningen?page={HUGE}").status_code == 400


@pytest.mark.parametrize("raw, number", [("1", 1), (" 7 ", 7), ("1000", 1000), ("1001", None), ("0", None),
                                         ("", None), ("²", None), ("١", None), (HUGE, None), ("1e3", None)])
def test_page_number(raw, number):
    assert page_number(raw) == number


@pytest.mark.parametrize("weekday", [" ", "", "\t"])
def test_hours_with_a_blank_weekday_ask_for_a_day_and_save_nothing(client, login, weekday):
    service = make_service("Wijkcentrum Haveltermade", gemeente="Meppel")
    login("beheerder")
    response = client.post(f"/beheer/voorzieningen/{service.id}/openingstijden", data={
        "slots-0-weekday": weekday, "slots-0-opens": "09:00", "slots-0-closes": "12:00"})
    assert response.status_code == 200
    assert "Kies bij deze tijden een dag." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Service, service.id).schedules == []


def test_hours_with_an_unknown_weekday_are_refused_in_dutch(client, login):
    service = make_service("Wijkcentrum Haveltermade", gemeente="Meppel")
    login("beheerder")
    response = client.post(f"/beheer/voorzieningen/{service.id}/openingstijden", data={
        "slots-0-weekday": "7", "slots-0-opens": "09:00", "slots-0-closes": "12:00"})
    assert response.status_code == 200
    assert "Ongeldige keuze." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Service, service.id).schedules == []
