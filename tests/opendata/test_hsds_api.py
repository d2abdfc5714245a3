"""/api/v1/hsds/: the kaart as Open Referral HSDS 3.0, every response of the demo data validated (real app and DB)."""
import json
import uuid
from datetime import date, time, timedelta

import pytest

from tests.factories import make_service
from tests.opendata.hsds import ITEM_SCHEMAS, all_pages, valid
from webapp.directory.models import Organization, Schedule, ScheduleException, Service, ServiceArea
from webapp.directory.vocab import NATIONAL
from webapp.extensions import db
from webapp.models_base import utcnow
from webapp.opendata.ids import TAXONOMY_ID, theme_id

LISTS = ("services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms")
counted = {"responses": 0}


def test_every_list_and_item_of_the_demo_data_validates_against_hsds_3(demo, client):
    active = db.session.scalar(db.select(db.func.count()).select_from(Service).where(Service.archived_at.is_(None)))
    responses = 0
    for path in LISTS:
        items = all_pages(client, path)
        full = all_pages(client, path, full="true") if path in ("services", "service_at_locations") else []
        responses += 2
        for item in items:
            response = client.get(f"/api/v1/hsds/{path}/{item['id']}")
            assert response.status_code == 200
            valid(ITEM_SCHEMAS[path], response.get_json())
            responses += 1
        if path == "services":
            assert len(items) == len(full) == active == 128
            assert all(uuid.UUID(item["id"]) for item in items)
    assert responses > 128 * 2


def test_a_voorziening_maps_to_its_hsds_fields(app, client):
    service = make_service("Taalcafé De Brug", gemeente="Meppel", point=(52.69, 6.19), themes=("taal-en-inburgering",),
                           phone="0522 123456", email="taal@example.org", website="https://example.org/taal",
                           languages="Nederlands, Arabisch, Tigrinya", free_of_charge="ja", cost_note="Koffie 1 euro",
                           access_route="vrij-inloop", last_checked_on=date(2026, 11, 2))
    service.location.address, service.location.postcode = "Kerkstraat 1", "7941 AB"
    service.location.wheelchair_access = "ja"
    service.areas = [ServiceArea(name="Meppel"), ServiceArea(name="Westerveld")]
    service.organization = Organization(name="Stichting De Brug", website="https://example.org")
    service.schedules = [Schedule(weekday=1, opens=time(9), closes=time(12))]
    service.schedule_exceptions = [ScheduleException(day=date(2026, 12, 25), closed=True, note="Kerst"),
                                   ScheduleException(day=date(2026, 12, 24), closed=False, opens=time(9),
                                                     closes=time(11))]
    db.session.commit()
    body = valid("service.json", client.get(f"/api/v1/hsds/services/{service.id}").get_json())
    assert body["status"] == "active" and body["url"] == "https://example.org/taal"
    assert body["application_process"] == "Vrije inloop" and body["fees_description"] == "Koffie 1 euro"
    assert body["assured_date"] == "2026-11-02"
    assert [phone["number"] for phone in body["phones"]] == ["0522 123456"]
    assert [(lang["name"], lang.get("code")) for lang in body["languages"]] == [
        ("Nederlands", "nl"), ("Arabisch", "ar"), ("Tigrinya", "ti")]
    assert [area["name"] for area in body["service_areas"]] == ["Meppel", "Westerveld"]
    assert body["cost_options"][0]["amount"] == 0
    weekly, other, closed = body["schedules"]  # the weekly slots, then the exceptions by day
    assert (weekly["byday"], weekly["opens_at"], weekly["closes_at"]) == ("TU", "09:00", "12:00")
    assert (closed["valid_from"], closed["valid_to"], closed["description"]) == ("2026-12-25", "2026-12-25", "Gesloten")
    assert "opens_at" not in closed and closed["notes"].startswith("Kerst")
    assert (other["opens_at"], other["closes_at"]) == ("09:00", "11:00")
    location = body["service_at_locations"][0]["location"]
    assert location["addresses"][0]["address_1"] == "Kerkstraat 1"
    assert location["addresses"][0]["postal_code"] == "7941 AB"
    assert location["accessibility"][0]["description"] == "Rolstoeltoegankelijk"
    assert body["attributes"][0]["taxonomy_term_id"] == theme_id("taal-en-inburgering")
    assert body["organization"]["name"] == "Stichting De Brug"
    again = client.get(f"/api/v1/hsds/services/{service.id}").get_json()
    assert again == body  # derived ids are stable


def test_unknown_facts_are_left_out_not_invented(app, client):
    service = make_service("Inloop", gemeente="Meppel")
    body = valid("service.json", client.get(f"/api/v1/hsds/services/{service.id}").get_json())
    assert body["phones"] == body["schedules"] == body["languages"] == body["cost_options"] == []
    assert "application_process" not in body and "assured_date" not in body and "url" not in body
    assert body["service_at_locations"][0]["location"]["accessibility"] == []


def test_a_national_line_has_heel_nederland_as_its_service_area(app, client):
    service = make_service("Landelijke lijn", gemeente="Meppel")
    service.areas = [ServiceArea(name=NATIONAL)]
    db.session.commit()
    body = client.get(f"/api/v1/hsds/services/{service.id}").get_json()
    assert [area["name"] for area in body["service_areas"]] == [NATIONAL]


def test_modified_after_includes_archived_voorzieningen_as_inactive(app, client):
    kept, gone = make_service("Blijft"), make_service("Weg")
    gone.archived_at = utcnow()
    db.session.commit()
    assert [s["name"] for s in all_pages(client, "services")] == ["Blijft"]
    since = (utcnow() - timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
    changed = all_pages(client, "services", modified_after=since)
    assert {(s["name"], s["status"]) for s in changed} == {("Blijft", "active"), ("Weg", "inactive")}
    later = (utcnow() + timedelta(minutes=5)).isoformat()
    assert all_pages(client, "services", modified_after=later) == []
    assert client.get(f"/api/v1/hsds/services/{gone.id}").get_json()["status"] == "inactive"
    assert kept.id != gone.id


def test_search_themes_organisation_and_postcode_filter_the_services(demo, client):
    found = all_pages(client, "services", search="schulden")
    assert "Geldloket Meppel" in [s["name"] for s in found]
    theme = theme_id("dementie-en-geheugen")
    with_theme = all_pages(client, "services", taxonomy_term_id=theme, full="true")
    assert with_theme and all(theme in [a["taxonomy_term_id"] for a in s["attributes"]] for s in with_theme)
    assert len(all_pages(client, "services", taxonomy_id=TAXONOMY_ID)) > len(with_theme)
    assert all_pages(client, "services", taxonomy_id=str(uuid.uuid4())) == []
    in_meppel = all_pages(client, "services", postcode="7941", full="true")
    assert in_meppel and all("Meppel" in [a["name"] for a in s["service_areas"]] or NATIONAL in
                             [a["name"] for a in s["service_areas"]] for s in in_meppel)
    organization = db.session.scalars(db.select(Organization).where(Organization.services.any())).first()
    of_org = all_pages(client, "services", organization_id=organization.id)
    assert of_org and {s["organization_id"] for s in of_org} == {organization.id}


@pytest.mark.parametrize("query", [{"page": "0"}, {"per_page": "201"}, {"modified_after": "gisteren"},
                                   {"proximity": "-1", "postcode": "7941"}, {"proximity": "500"},
                                   {"format": "xml"}, {"postcode": "Nergenshuizen"}, {"search": "x" * 201}])
def test_bad_parameters_are_a_dutch_400(app, client, query):
    response = client.get("/api/v1/hsds/services", query_string=query)
    assert response.status_code == 400
    assert response.get_json()["error"]["message"]


def test_unknown_ids_are_a_404(app, client):
    for path in LISTS:
        response = client.get(f"/api/v1/hsds/{path}/{uuid.uuid4()}")
        assert response.status_code == 404 and response.get_json()["error"]["status"] == 404


def test_the_themes_are_one_taxonomy_with_a_term_each(app, client):
    taxonomies = all_pages(client, "taxonomies")
    assert [t["id"] for t in taxonomies] == [TAXONOMY_ID]
    terms = all_pages(client, "taxonomy_terms", taxonomy_id=TAXONOMY_ID)
    assert len(terms) == 14 and {t["taxonomy_id"] for t in terms} == {TAXONOMY_ID}
    term = client.get(f"/api/v1/hsds/taxonomy_terms/{theme_id('wonen')}").get_json()
    assert (term["code"], term["name"]) == ("wonen", "Wonen")


def test_an_organisation_lists_its_active_services(app, client):
    organization = Organization(name="Welzijn Meppel")
    active, archived = make_service("Actief", commit=False), make_service("Oud", commit=False)
    active.organization = archived.organization = organization
    archived.archived_at = utcnow()
    db.session.commit()
    body = valid("organization.json", client.get(f"/api/v1/hsds/organizations/{organization.id}").get_json())
    assert [s["name"] for s in body["services"]] == ["Actief"]
    full = client.get(f"/api/v1/hsds/organizations/{organization.id}?full_service=true").get_json()
    assert "service_areas" in full["services"][0]


def test_the_root_names_the_version_and_the_licence(app, client):
    body = client.get("/api/v1/hsds/").get_json()
    assert body["version"] == "3.0"
    assert body["license"] == {"name": "CC0 1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/"}


def test_tijdelijk_gesloten_a_notice_and_remote_only_map_to_status_alert_and_a_virtual_location(app, client):
    today = date.today()
    closed = make_service("Inloop De Kamp", gemeente="Meppel", point=(52.69, 6.19), closed_note="verbouwing",
                          closed_until=today + timedelta(days=30), notice="Nieuw adres vanaf januari",
                          notice_until=today + timedelta(days=60))
    remote = make_service("Hulplijn", gemeente="Meppel", point=(52.69, 6.19), remote_only=True)
    ended = make_service("Weer open", gemeente="Meppel", closed_until=today - timedelta(days=1), closed_note="oud")
    body = valid("service.json", client.get(f"/api/v1/hsds/services/{closed.id}").get_json())
    assert body["status"] == "temporarily closed"
    closing, notice = (today + timedelta(days=30)).isoformat(), (today + timedelta(days=60)).isoformat()
    assert body["alert"] == (f"Tijdelijk gesloten tot en met {closing}: verbouwing\n"
                             f"Let op (tot en met {notice}): Nieuw adres vanaf januari")
    place = valid("service.json", client.get(f"/api/v1/hsds/services/{remote.id}").get_json())
    location = place["service_at_locations"][0]["location"]
    assert location["location_type"] == "virtual" and "latitude" not in location and "longitude" not in location
    assert location["addresses"][0]["address_type"] == "postal"
    again = client.get(f"/api/v1/hsds/services/{ended.id}").get_json()
    assert again["status"] == "active" and "alert" not in again
    near = all_pages(client, "services", postcode="7941", proximity="1000")
    assert "Hulplijn" in [s["name"] for s in near]  # online or by phone: found by its werkgebied


def test_format_ndjson_gives_every_item_one_a_line_without_pages(app, client):
    for name in ("Buurthuis", "Inloop", "Taalhuis"):
        make_service(name)
    response = client.get("/api/v1/hsds/services?format=ndjson&per_page=1")
    assert response.status_code == 200 and response.mimetype == "application/x-ndjson"
    items = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    assert [valid("compiled/service_list.json", item)["name"] for item in items] == ["Buurthuis", "Inloop", "Taalhuis"]
    assert response.headers["ETag"] and response.headers["Access-Control-Allow-Origin"] == "*"
