"""A beheerder edits, archives and restores voorzieningen and their hours; the database, the index and the
audit log all follow, and bad input changes nothing."""
from datetime import date, timedelta

from sqlalchemy import func, select

from tests.conftest import verify_ok
from tests.factories import make_service
from webapp.directory.audit import AuditEntry
from webapp.directory.models import Service
from webapp.extensions import db

API = "/api/v1/voorzieningen"
FILLED = {"access_route": "onbekend", "free_of_charge": "onbekend", "volunteers": "onbekend",
          "wheelchair_access": "onbekend", "gemeente": "Meppel"}


def api_names(client, text):
    return [item["name"] for item in client.get(API, query_string={"q": text}).get_json()["results"]]


def entries(service):
    return db.session.scalars(select(AuditEntry).where(AuditEntry.service_id == service.id)
                              .order_by(AuditEntry.at)).all()


def test_edit_changes_the_row_the_index_and_the_audit_log(client, login, runner):
    service = make_service("Taalcafé Oud", gemeente="Meppel", summary="Praten in het Nederlands.")
    login("beheerder")
    response = client.post(f"/beheer/voorzieningen/{service.id}/bewerken", data={
        **FILLED, "name": "Taalcafé Zuidwolde", "summary": "Samen Nederlands oefenen.", "themes": ["taal-en-inburgering"],
        "phone": "0522 123 456"}, follow_redirects=True)
    assert "Opgeslagen" in response.get_data(as_text=True)
    db.session.expire_all()
    changed = db.session.get(Service, service.id)
    assert (changed.name, changed.phone) == ("Taalcafé Zuidwolde", "0522 123 456")
    assert api_names(client, "zuidwolde") == ["Taalcafé Zuidwolde"]
    verify_ok(runner)
    [entry] = entries(changed)
    fields = {change["field"]: (change["old"], change["new"]) for change in entry.changes}
    assert fields["name"] == ("Taalcafé Oud", "Taalcafé Zuidwolde")
    assert fields["phone"] == (None, "0522 123 456")
    assert entry.actor == "beheerder@example.org" and entry.action == "gewijzigd"
    page = client.get(f"/beheer/voorzieningen/{service.id}/bewerken").get_data(as_text=True)
    assert "Taalcafé Oud" in page and "beheerder@example.org" in page  # the log is on the beheer page


def test_the_address_is_placed_on_save_and_the_precision_shown(client, login):
    login("beheerder")
    response = client.post("/beheer/voorzieningen/nieuw", data={
        **FILLED, "name": "Inloop Zuideinde", "address": "Zuideinde 5", "postcode": "7941 GH",
        "woonplaats": "Meppel"}, follow_redirects=True)
    assert "Locatie: adres" in response.get_data(as_text=True)
    service = db.session.scalar(select(Service).where(Service.name == "Inloop Zuideinde"))
    assert service.location.precision == "adres" and service.location.point is not None
    assert [entry.action for entry in entries(service)] == ["aangemaakt"]


def test_archive_takes_it_off_the_kaart_at_once_and_restore_brings_it_back(client, login, runner):
    service = make_service("Klaverjasclub Rogat", gemeente="Meppel")
    login("beheerder")
    assert api_names(client, "klaverjasclub") == ["Klaverjasclub Rogat"]

    client.post(f"/beheer/voorzieningen/{service.id}/archiveren")
    assert api_names(client, "klaverjasclub") == []
    assert client.get(f"/voorzieningen/{service.slug}").status_code == 404
    assert client.get(f"{API}/{service.id}").status_code == 404
    verify_ok(runner)

    client.post(f"/beheer/voorzieningen/{service.id}/herstellen")
    assert api_names(client, "klaverjasclub") == ["Klaverjasclub Rogat"]
    verify_ok(runner)
    assert [entry.action for entry in entries(service)] == ["gearchiveerd", "hersteld"]


def test_hours_and_a_holiday_show_on_the_public_page(client, login):
    service = make_service("Repair Café Meppel", gemeente="Meppel", point=(52.69, 6.19))
    login("beheerder")
    response = client.post(f"/beheer/voorzieningen/{service.id}/openingstijden", data={
        "slots-0-weekday": "5", "slots-0-opens": "10:00", "slots-0-closes": "13:00",
        "slots-1-weekday": "4", "slots-1-opens": "22:00", "slots-1-closes": "02:00",
        "exceptions-0-day": "2026-12-26", "exceptions-0-closed": "ja", "exceptions-0-note": "Tweede Kerstdag",
    }, follow_redirects=True)
    assert "De openingstijden zijn opgeslagen." in response.get_data(as_text=True)
    page = client.get(f"/voorzieningen/{service.slug}").get_data(as_text=True)
    assert "zaterdag" in page and "10:00 – 13:00" in page and "22:00 – 02:00" in page
    assert "zaterdag 26 december 2026: gesloten (Tweede Kerstdag)" in page
    [entry] = entries(service)
    assert {change["field"] for change in entry.changes} == {"hours", "exceptions"}


def test_bad_input_is_explained_at_the_field_and_changes_nothing(client, login):
    service = make_service("Wijkcentrum Haveltermade", gemeente="Meppel")
    login("beheerder")
    before = (service.version, db.session.scalar(select(func.count()).select_from(AuditEntry)))
    response = client.post(f"/beheer/voorzieningen/{service.id}/bewerken", data={
        **FILLED, "name": "Wijkcentrum Nieuw", "postcode": "0000 XX", "email": "geen-adres",
        "website": "niet een url", "phone": "12"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Er ging iets mis. Verbeter dit:" in page
    assert 'href="#postcode"' in page and 'aria-invalid="true"' in page
    assert "Vul een postcode in zoals 7941 AB." in page
    assert 'value="Wijkcentrum Nieuw"' in page  # what was typed stays
    db.session.expire_all()
    assert (db.session.get(Service, service.id).version,
            db.session.scalar(select(func.count()).select_from(AuditEntry))) == before


def test_an_hour_row_without_times_is_refused(client, login):
    service = make_service("Soos De Schiphorst", gemeente="Meppel")
    login("beheerder")
    page = client.post(f"/beheer/voorzieningen/{service.id}/openingstijden", data={
        "slots-0-weekday": "2"}).get_data(as_text=True)
    assert "Vul bij deze dag een begin- en eindtijd in." in page
    assert '<a class="utrecht-link" href="#slots-0-weekday">Vul bij deze dag een begin- en eindtijd in.</a>' in page
    assert db.session.get(Service, service.id).schedules == []


def test_te_controleren_lists_never_and_long_ago_checked(client, login):
    make_service("Nooit Gecontroleerd", gemeente="Meppel")
    make_service("Lang Geleden", gemeente="Meppel", last_checked_on=date.today() - timedelta(days=400))
    make_service("Pas Gecontroleerd", gemeente="Meppel", last_checked_on=date.today() - timedelta(days=30))
    make_service("Andere Gemeente", gemeente="Tynaarlo")
    login("beheerder")
    page = client.get("/beheer/te-controleren").get_data(as_text=True)
    assert "Nooit Gecontroleerd" in page and "Lang Geleden" in page
    assert "Pas Gecontroleerd" not in page and "Andere Gemeente" not in page


def test_archiving_twice_or_restoring_a_live_one_changes_and_logs_nothing(client, login):
    service = make_service("Buurtkamer Koedijkslanden", gemeente="Meppel")
    login("beheerder")
    client.post(f"/beheer/voorzieningen/{service.id}/herstellen")
    assert entries(service) == []
    client.post(f"/beheer/voorzieningen/{service.id}/archiveren")
    client.post(f"/beheer/voorzieningen/{service.id}/archiveren")
    assert [entry.action for entry in entries(service)] == ["gearchiveerd"]


def test_a_repeated_target_group_is_stored_once(client, login):
    service = make_service("Eetcafé Oost", gemeente="Meppel")
    login("beheerder")
    client.post(f"/beheer/voorzieningen/{service.id}/bewerken", data={
        **FILLED, "name": "Eetcafé Oost", "target_groups": "ouderen, ouderen", "themes": ["wonen", "wonen"]})
    db.session.expire_all()
    changed = db.session.get(Service, service.id)
    assert [g.name for g in changed.target_groups] == ["ouderen"] and [t.slug for t in changed.themes] == ["wonen"]


def test_a_website_must_be_a_web_address_residents_can_follow(client, login):
    service = make_service("Wijkcentrum Haveltermade", gemeente="Meppel")
    login("beheerder")
    for bad in ("javascript://example.com/%0aalert(1)", "ftp://bestanden.meppel.nl/folder"):
        response = client.post(f"/beheer/voorzieningen/{service.id}/bewerken", data={**FILLED, "website": bad})
        assert response.status_code == 200 and "Vul een webadres in dat begint met https://." in response.text
    db.session.expire_all()
    assert db.session.get(Service, service.id).website is None
