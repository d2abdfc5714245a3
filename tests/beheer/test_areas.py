"""The werkgebied in beheer: the edit form with its audit entry, and the CSV column `werkgebied` both ways."""
from sqlalchemy import func, select

from tests.beheer.test_import import EXPORT, confirm_preview, upload
from tests.conftest import verify_ok
from tests.factories import make_service
from webapp.beheer import csv_io
from webapp.directory import services
from webapp.directory.audit import AuditEntry
from webapp.directory.models import Service
from webapp.directory.services import ServiceQuery
from webapp.directory.vocab import NATIONAL
from webapp.extensions import db

FILLED = {"access_route": "onbekend", "free_of_charge": "onbekend", "volunteers": "onbekend",
          "wheelchair_access": "onbekend", "gemeente": "Meppel"}
MEPPEL_CENTRE = (52.6956, 6.1937)


def edit(client, service, **fields):
    return client.post(f"/beheer/voorzieningen/{service.id}/bewerken",
                       data={**FILLED, "name": service.name, **fields}, follow_redirects=True)


def area_changes(service):
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.service_id == service.id)
                                 .order_by(AuditEntry.at)).all()
    return [(change["old"], change["new"]) for entry in entries for change in entry.changes
            if change["field"] == "service_area"]


def in_area_from(place, name):
    results = services.search_services(ServiceQuery(near=place, per_page=100))
    return {item.service.name: item.in_area for item in results.items}[name]


def test_the_edit_form_shows_stores_and_audits_the_werkgebied(client, login, runner):
    service = make_service("Soepcafé Meppel", gemeente="Meppel", point=MEPPEL_CENTRE, summary="Soep en praten.")
    login("beheerder")
    page = client.get(f"/beheer/voorzieningen/{service.id}/bewerken").get_data(as_text=True)
    assert "Werkgebied" in page and 'value="Meppel"' in page
    assert not in_area_from("Vledder", "Soepcafé Meppel")  # Vledder is in Westerveld
    response = edit(client, service, service_area="westerveld")
    assert "Opgeslagen" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Service, service.id).service_area == ("Meppel", "Westerveld")  # its own always in it
    assert area_changes(service) == [("Meppel", "Meppel, Westerveld")]
    assert in_area_from("Vledder", "Soepcafé Meppel")  # the index follows a change of the werkgebied alone
    verify_ok(runner)
    page = client.get(f"/beheer/voorzieningen/{service.id}/bewerken").get_data(as_text=True)
    assert "Werkgebied: Meppel → Meppel, Westerveld" in page  # the log on the beheer page
    edit(client, service, service_area="Heel Nederland")
    db.session.expire_all()
    assert db.session.get(Service, service.id).service_area == (NATIONAL,)
    assert in_area_from("Zuidlaren", "Soepcafé Meppel")


def test_an_unknown_gemeente_is_explained_at_the_field_and_changes_nothing(client, login):
    service = make_service("Soepcafé Rogat", gemeente="Meppel")
    login("beheerder")
    version = service.version
    response = edit(client, service, service_area="Meppel, Atlantis")
    page = response.get_data(as_text=True)
    assert "De gemeente &#39;Atlantis&#39; kennen we niet." in page and 'href="#service_area"' in page
    db.session.expire_all()
    assert db.session.get(Service, service.id).version == version and area_changes(service) == []


def test_the_csv_carries_the_werkgebied_both_ways(client, login):
    service = make_service("Soepcafé Nijeveen", gemeente="Meppel")
    login("beheerder")
    edit(client, service, service_area="Meppel, Westerveld")
    exported = client.get(EXPORT).get_data().decode("utf-8-sig")
    assert exported.startswith("id;naam;gemeente;werkgebied;")
    assert f"{service.id};Soepcafé Nijeveen;Meppel;Meppel, Westerveld;" in exported
    preview = upload(client, exported).get_data(as_text=True)
    assert "0 nieuw, 0 gewijzigd, 1 ongewijzigd, 0 geweigerd" in preview  # the round trip changes nothing

    changed = exported.replace("Meppel, Westerveld", "heel nederland")
    response = confirm_preview(client, upload(client, changed))
    assert "0 nieuw, 1 gewijzigd, 0 geweigerd." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Service, service.id).service_area == (NATIONAL,)
    assert area_changes(service)[-1] == ("Meppel, Westerveld", NATIONAL)
    exported = client.get(EXPORT).get_data().decode("utf-8-sig")
    assert f"{service.id};Soepcafé Nijeveen;Meppel;heel Nederland;" in exported


def test_a_new_row_without_a_werkgebied_is_for_its_own_gemeente_and_an_unknown_one_is_refused(app, accounts):
    plan = csv_io.plan_import(accounts["beheerder"], csv_io.read_rows(
        "naam;gemeente;werkgebied\nSoep A;Meppel;\nSoep B;Meppel;De Wolden,Meppel\nSoep C;Meppel;Atlantis\n"))
    assert [row.status for row in plan] == ["nieuw", "nieuw", "geweigerd"]
    assert plan[0].data.service_area == ("Meppel",) and plan[1].data.service_area == ("De Wolden", "Meppel")
    [(column, message)] = plan[2].reasons
    assert column == "werkgebied" and "Atlantis" in message
    before = db.session.scalar(select(func.count()).select_from(Service))
    csv_io.apply_import(accounts["beheerder"], plan[:2])
    assert db.session.scalar(select(func.count()).select_from(Service)) == before + 2
    assert db.session.scalar(select(Service).where(Service.name == "Soep B")).service_area == ("De Wolden", "Meppel")


