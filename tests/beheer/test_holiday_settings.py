"""Beheer of the holiday choices: a voorziening open on holidays, a gemeente's Bevrijdingsdag; both audited."""
from tests.beheer.test_beheer import entries
from tests.factories import make_service
from tests.html_forms import main_form
from webapp.directory.gemeente_contacts import contact_for
from webapp.directory.models import Service
from webapp.extensions import db


def hours_form(client, url):
    return main_form(client.get(url).text, marker='method="post" novalidate>')


def test_open_on_holidays_is_set_and_cleared_on_the_hours_form(client, login):
    service = make_service("Telefoonlijn Meppel", gemeente="Meppel")
    login("beheerder")
    url = f"/beheer/voorzieningen/{service.id}/openingstijden"
    form = hours_form(client, url)
    assert "open_on_holidays" not in form  # not ticked
    assert client.post(url, data={**form, "open_on_holidays": "y"}).status_code == 302
    assert db.session.get(Service, service.id).open_on_holidays is True
    form = hours_form(client, url)
    assert form["open_on_holidays"] == "y"
    del form["open_on_holidays"]
    assert client.post(url, data=form).status_code == 302
    assert db.session.get(Service, service.id).open_on_holidays is False
    assert [[(c["field"], c["old"], c["new"]) for c in entry.changes] for entry in entries(service)] == [
        [("open_on_holidays", "nee", "ja")], [("open_on_holidays", "ja", "nee")]]


def test_a_gemeente_gives_bevrijdingsdag_every_year(client, login):
    login("beheerder")
    url = "/beheer/gemeente/meppel"
    form = main_form(client.get(url).text)
    assert client.post(url, data={**form, "name": "Gemeente Meppel", "liberation_day_every_year": "y"}
                       ).status_code == 302
    assert contact_for("Meppel").liberation_day_every_year is True
    assert "Bevrijdingsdag elk jaar een vrije dag: — → ja" in client.get(url).text
