"""No duplicates: the new-voorziening form warns before a likely duplicate, 'mogelijk dubbel' lists pairs, and a
merge keeps both histories and makes the old address lead to the kept listing."""
from datetime import time

from sqlalchemy import func, select

from tests.beheer.test_beheer import FILLED, api_names
from tests.conftest import verify_ok
from tests.factories import make_service
from tests.html_forms import main_form
from webapp.directory.audit import AuditEntry
from webapp.directory.merging import ServiceMerge
from webapp.directory.models import Schedule, Service
from webapp.extensions import db
from webapp.providers.models import ListingSuggestion

MEPPEL = (52.6956, 6.1944)


def count_services():
    return db.session.scalar(select(func.count()).select_from(Service))


def test_a_likely_duplicate_is_shown_before_saving_and_toch_opslaan_saves(client, login):
    existing = make_service("Geldloket Meppel", gemeente="Meppel", point=MEPPEL, precision="woonplaats")
    existing.location.woonplaats = "Meppel"
    db.session.commit()
    login("beheerder")
    form = main_form(client.get("/beheer/voorzieningen/nieuw").text)
    data = {**form, **FILLED, "name": "Stichting Geldloket", "woonplaats": "Meppel"}
    before = count_services()
    warned = client.post("/beheer/voorzieningen/nieuw", data=data)
    assert warned.status_code == 200 and "Staat deze voorziening er al?" in warned.text
    assert f'/beheer/voorzieningen/{existing.id}/bewerken">Geldloket Meppel</a>' in warned.text
    assert count_services() == before
    saved = client.post("/beheer/voorzieningen/nieuw", data={**data, "save_anyway": "y"})
    assert saved.status_code == 302 and count_services() == before + 1
    fresh_form = main_form(client.get("/beheer/voorzieningen/nieuw").text)
    other = client.post("/beheer/voorzieningen/nieuw", data={**fresh_form, **FILLED, "name": "Taalcafé De Brug"})
    assert other.status_code == 302  # nothing like it: saved at once


def pair(client):
    keep = make_service("Inloop De Schakel", gemeente="Meppel", point=MEPPEL, precision="woonplaats",
                        summary="Koffie en een praatje.")
    drop = make_service("De Schakel inloop", gemeente="Meppel", point=MEPPEL, precision="woonplaats",
                        phone="0522 123 456", commit=False)
    drop.schedules = [Schedule(weekday=2, opens=time(9), closes=time(12))]
    db.session.commit()
    return keep, drop


def test_mogelijk_dubbel_lists_the_pairs_of_my_gemeenten(client, login):
    keep, drop = pair(client)
    make_service("Inloop De Schakel", gemeente="Tynaarlo")  # the same name elsewhere is another voorziening
    login("beheerder")
    page = client.get("/beheer/mogelijk-dubbel").text
    assert page.count(f"/beheer/samenvoegen/") == 2 and "Tynaarlo" not in page
    assert f"/beheer/samenvoegen/{keep.id}/{drop.id}" in page or f"/beheer/samenvoegen/{drop.id}/{keep.id}" in page


def test_a_merge_keeps_both_histories_and_the_old_address_redirects(client, login, runner):
    keep, drop = pair(client)
    client.post(f"/voorzieningen/{drop.slug}/klopt-er-iets-niet", data={"note": "Dit is dezelfde als De Schakel."})
    drop_slug = drop.slug
    login("beheerder")
    url = f"/beheer/samenvoegen/{keep.id}/{drop.id}"
    screen = client.get(url).text
    assert "0522 123 456" in screen and "De openingstijden van De Schakel inloop" in screen
    response = client.post(url, data=main_form(screen, marker='method="post" novalidate>'))
    assert response.status_code == 302
    db.session.expire_all()
    kept, dropped = db.session.get(Service, keep.id), db.session.get(Service, drop.id)
    assert kept.phone == "0522 123 456" and [s.weekday for s in kept.schedules] == [2]
    assert kept.summary == "Koffie en een praatje." and dropped.archived_at is not None
    assert db.session.scalar(select(ServiceMerge.dropped_slug)) == drop_slug
    old = client.get(f"/voorzieningen/{drop_slug}")
    assert old.status_code == 301 and old.location.endswith(f"/voorzieningen/{keep.slug}")
    assert {entry.action for entry in db.session.scalars(select(AuditEntry))} >= {"samengevoegd"}
    page = client.get(f"/beheer/voorzieningen/{keep.id}/bewerken").text
    assert "De Schakel inloop" in page and "samengevoegd" in page  # the dropped listing's log is shown too
    assert db.session.scalar(select(ListingSuggestion.service_id)) == keep.id
    assert api_names(client, "schakel") == ["Inloop De Schakel"]
    verify_ok(runner)
    assert "Er zijn geen voorzieningen die dubbel lijken." in client.get("/beheer/mogelijk-dubbel").text


def test_merging_another_gemeentes_listing_or_a_stale_screen_is_refused(client, login):
    keep, drop = pair(client)
    elsewhere = make_service("Inloop De Schakel Eelde", gemeente="Tynaarlo")
    login("beheerder")
    assert client.get(f"/beheer/samenvoegen/{keep.id}/{elsewhere.id}").status_code == 403
    url = f"/beheer/samenvoegen/{keep.id}/{drop.id}"
    form = main_form(client.get(url).text, marker='method="post" novalidate>')
    drop.phone = "0522 000 000"
    db.session.commit()
    assert client.post(url, data=form).status_code == 409
    assert db.session.get(Service, drop.id).archived_at is None
    assert client.get(f"/beheer/samenvoegen/{keep.id}/{keep.id}").status_code == 200
    same = client.post(f"/beheer/samenvoegen/{keep.id}/{keep.id}",
                       data=main_form(client.get(f"/beheer/samenvoegen/{keep.id}/{keep.id}").text,
                                      marker='method="post" novalidate>'))
    assert same.status_code == 400 and "Kies twee verschillende voorzieningen." in same.text


def test_the_import_preview_says_which_new_rows_are_likely_duplicates(app, accounts):
    from webapp.beheer import csv_io
    make_service("Taalhuis Meppel", gemeente="Meppel")
    make_service("Buurthuis Oost", gemeente="Meppel", email="info@buurthuis-oost.example")
    plan = csv_io.plan_import(accounts["beheerder"], csv_io.read_rows(
        "naam;email\nStichting Taalhuis;\nBuurtsoep;\nInloop Oost;INFO@buurthuis-oost.example\n"))
    assert [row.status for row in plan] == ["nieuw", "nieuw", "nieuw"]
    assert plan[0].notes == ["Mogelijk dubbel: lijkt op Taalhuis Meppel (naam, telefoon, e-mail of website). Is het "
                             "dezelfde? Zet dan haar id in de rij."]
    assert plan[1].notes == [] and "Buurthuis Oost" in plan[2].notes[0]


def test_the_same_phone_email_or_website_in_the_gemeente_is_shown_too(client, login):
    existing = make_service("Sociaal Team Oost", gemeente="Meppel", phone="0522-123 456",
                            website="https://www.sociaalteam.example/oost/")
    login("beheerder")
    base = {**main_form(client.get("/beheer/voorzieningen/nieuw").text), **FILLED, "name": "Wijkteam Koedijkslanden"}
    for contact in ({"phone": "+31 522 123456"}, {"website": "http://sociaalteam.example/oost"}):
        warned = client.post("/beheer/voorzieningen/nieuw", data={**base, **contact})
        assert "Staat deze voorziening er al?" in warned.text and existing.name in warned.text
    assert client.post("/beheer/voorzieningen/nieuw", data={**base, "phone": "0522 999 888"}).status_code == 302


def test_geen_dubbel_takes_a_pair_off_the_list_for_good(client, login):
    keep, drop = pair(client)
    login("beheerder")
    page = client.get("/beheer/mogelijk-dubbel").text
    first, second = sorted([keep, drop], key=lambda service: service.name.casefold())
    url = f"/beheer/mogelijk-dubbel/{first.id}/{second.id}/geen-dubbel"
    assert f'action="{url}"' in page
    response = client.post(url, data=main_form(page, marker=f'action="{url}"'), follow_redirects=True)
    assert "staan niet meer bij mogelijk dubbel" in response.text
    assert "Er zijn geen voorzieningen die dubbel lijken." in client.get("/beheer/mogelijk-dubbel").text
    assert client.post(url, data=main_form(page, marker=f'action="{url}"')).status_code == 302  # again: no error
    login("beheerder_elders")
    assert client.post(url, data={}).status_code == 403
