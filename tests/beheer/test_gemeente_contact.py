"""Beheer of a gemeente's way in: only that gemeente's beheerders, every change audited, a stale save refused."""
import pytest

from tests.html_forms import main_form
from tests.test_write_conflicts import CONFLICT, two_forms
from webapp.directory.contacts_demo import load_gemeente_contacts
from webapp.directory.gemeente_contacts import GemeenteContactChange, contact_for
from webapp.extensions import db

URL = "/beheer/gemeente/meppel"


def test_a_beheerder_fills_in_the_way_in_and_the_change_is_audited(client, login):
    login("beheerder")
    form = main_form(client.get(URL).text)
    assert form["version"] == "0"  # no row yet
    response = client.post(URL, data={**form, "name": "Gemeente Meppel", "phone": "14 0522",
                                      "phone_source": "website van de gemeente", "address": "Stationsweg 1"})
    assert response.status_code == 302
    contact = contact_for("Meppel")
    assert (contact.phone, contact.address, contact.opening_hours) == ("14 0522", "Stationsweg 1", None)

    form = main_form(client.get(URL).text)
    client.post(URL, data={**form, "opening_hours": "maandag tot en met vrijdag 9.00-12.00 uur"})
    page = client.get(URL).text
    assert "beheerder@example.org" in page and "Openingstijden: — → maandag tot en met vrijdag 9.00-12.00 uur" in page
    assert "Adres: — → Stationsweg 1" in page
    assert [entry.action for entry in db.session.query(GemeenteContactChange).order_by(GemeenteContactChange.at)] == [
        "aangemaakt", "gewijzigd"]
    # The resident sees it where the kaart has no answer.
    assert "Stationsweg 1" in client.get("/zorgen-om-iemand/meppel").text


def test_a_save_with_an_invalid_phone_is_refused(client, login):
    login("beheerder")
    form = main_form(client.get(URL).text)
    response = client.post(URL, data={**form, "name": "Gemeente Meppel", "phone": "bel ons"})
    assert response.status_code == 200 and "Vul een telefoonnummer in" in response.text
    assert contact_for("Meppel") is None


@pytest.mark.parametrize("who, status", [("beheerder_elders", 403), ("coordinator", 403), ("inwoner", 403)])
def test_only_the_gemeentes_beheerders_may(client, login, who, status):
    load_gemeente_contacts()
    login(who)
    assert client.get(URL).status_code == status
    assert client.post(URL, data={"name": "Gemeente Meppel", "phone": "0522 000 000"}).status_code == status
    db.session.expire_all()
    assert contact_for("Meppel").phone == "14 0522"


def test_anonymous_goes_to_login(client):
    assert client.get(URL).status_code == 302


def test_another_gemeentes_page_is_forbidden_and_an_unknown_one_not_found(client, login):
    load_gemeente_contacts()
    login("beheerder_elders")
    assert client.get("/beheer/gemeente/tynaarlo").status_code == 200
    assert client.get(URL).status_code == 403
    assert client.get("/beheer/gemeente/nergenshuizen").status_code == 404


def test_a_second_beheerder_cannot_undo_the_first(app, accounts):
    load_gemeente_contacts()
    (anna, form_a), (bert, form_b) = two_forms(app, "beheerder", URL)
    assert anna.post(URL, data={**form_a, "address": "Stationsweg 1"}).status_code == 302
    response = bert.post(URL, data={**form_b, "phone": "0522 123 456"})
    assert response.status_code == 409
    assert CONFLICT in response.text and "Stationsweg 1" in response.text
    assert main_form(response.text)["phone"] == "0522 123 456"  # Bert's input is kept
    db.session.expire_all()
    assert (contact_for("Meppel").phone, contact_for("Meppel").address) == ("14 0522", "Stationsweg 1")


def test_two_first_saves_conflict_too(app, accounts):
    (anna, form_a), (bert, form_b) = two_forms(app, "beheerder", URL)
    assert anna.post(URL, data={**form_a, "name": "Gemeente Meppel"}).status_code == 302
    assert bert.post(URL, data={**form_b, "name": "Meppel"}).status_code == 409
    db.session.expire_all()
    assert contact_for("Meppel").name == "Gemeente Meppel"


def test_the_beheer_index_links_to_the_gemeentes_page(client, login):
    login("beheerder")
    assert 'href="/beheer/gemeente/meppel"' in client.get("/beheer/").text
