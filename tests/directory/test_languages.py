"""The languages a voorziening's staff speak: a list in beheer (not free text), and a filter on the search."""
from dataclasses import replace

import pytest
from babel import Locale

from tests.directory.test_routes import Page, get
from tests.factories import make_service
from tests.i18n.helpers import translated
from webapp.directory import maintenance
from webapp.directory.languages import CODES
from webapp.directory.models import Service
from webapp.errors import RuleViolation
from webapp.extensions import db


def test_beheer_ticks_languages_from_the_list_and_they_are_stored_in_list_order(login, client):
    service = make_service("Taalhuis Meppel")
    login("beheerder")
    form = Page(client.get(f"/beheer/voorzieningen/{service.id}/bewerken").text)
    assert {e["attrs"]["value"] for e in form.find("input", name="languages")} >= {"Nederlands", "Arabisch", "Tigrinya"}
    data = {e["attrs"]["name"]: e["attrs"].get("value", "") for e in form.find("input")
            if e["attrs"].get("type") in ("hidden", "text", "email", "tel", "url", "date", None) and e["attrs"].get("name")}
    data.update(name="Taalhuis Meppel", gemeente="Meppel", access_route="onbekend", free_of_charge="onbekend",
                volunteers="onbekend", wheelchair_access="onbekend", languages=["Tigrinya", "Nederlands"])
    response = client.post(f"/beheer/voorzieningen/{service.id}/bewerken", data=data)
    assert response.status_code == 302, response.text
    assert db.session.get(Service, service.id).languages == "Nederlands, Tigrinya"
    page = Page(client.get(f"/beheer/voorzieningen/{service.id}/bewerken").text)
    assert {e["attrs"]["value"] for e in page.find("input", name="languages") if "checked" in e["attrs"]} == {
        "Nederlands", "Tigrinya"}


def test_the_rules_read_names_case_and_accent_free_and_refuse_what_is_not_on_the_list(app, accounts):
    service = make_service("Inloop")
    current = maintenance.current_data(service)
    maintenance.update_service(accounts["beheerder"], service, replace(current, languages="oekraiens en ARABISCH; ngt"))
    assert service.languages == "Nederlandse Gebarentaal, Oekraïens, Arabisch"
    with pytest.raises(RuleViolation) as refused:
        maintenance.update_service(accounts["beheerder"], service, replace(current, languages="Nederlands, Klingon"))
    assert "Deze talen staan niet in de lijst: Klingon." in refused.value.reasons[0][1]


def test_the_search_filters_on_a_language_and_says_so(client):
    make_service("Taalcafé", languages="Nederlands, Arabisch")
    make_service("Inloop De Schakel", languages="Nederlands")
    make_service("Spreekuur zonder talen")
    assert sorted(get(client, "/zoeken?taal=Arabisch").names) == ["Taalcafé"]
    assert sorted(get(client, "/zoeken?taal=Nederlands").names) == ["Inloop De Schakel", "Taalcafé"]
    page = get(client, "/zoeken?taal=Arabisch")
    assert page.link("Spreekt Arabisch") == "/zoeken"
    assert get(client, "/zoeken?taal=Klingon").count is None  # not a choice: the form says so, nothing searched


def test_the_api_filters_on_a_language_by_its_iso_code(client):
    make_service("Taalcafé", languages="Nederlands, Arabisch")
    make_service("Inloop De Schakel", languages="Nederlands")
    names = [item["name"] for item in client.get("/api/v1/voorzieningen?language=ar").json["results"]]
    assert names == ["Taalcafé"]
    refused = client.get("/api/v1/voorzieningen?language=Arabisch")
    assert refused.status_code == 400 and refused.json["error"]["parameter"] == "language"


def test_on_an_english_page_the_languages_have_english_names(client):
    service = make_service("Taalcafé", languages="Nederlands, Arabisch, Nederlandse Gebarentaal")
    client.get("/taal/en")
    assert "Dutch, Sign Language of the Netherlands, Arabic" in " ".join(
        Page(client.get(f"/voorzieningen/{service.slug}").text).text("main")[0].split())
    search = Page(client.get("/zoeken?taal=Arabisch").text)
    assert "Arabic" in search.text("option")
    assert search.link(translated("en", "Spreekt %(language)s") % {"language": "Arabic"}) == "/zoeken"


def test_every_api_code_is_an_iso_639_code_and_dari_keeps_its_english_name(client):
    """`language=` takes ISO 639 codes (two or three lower-case letters): Dari is prs, not CLDR's locale fa_AF."""
    assert [code for code in CODES.values() if not (code.isascii() and code.isalpha() and code.islower()
                                                    and len(code) in (2, 3))] == []
    make_service("Inloop Afghaanse vrouwen", languages="Nederlands, Dari")
    assert [item["name"] for item in client.get("/api/v1/voorzieningen?language=prs").json["results"]] == [
        "Inloop Afghaanse vrouwen"]
    client.get("/taal/ar")
    assert Locale("ar").languages["fa_AF"] in client.get("/zoeken?taal=Dari").text  # CLDR's name, not the Dutch one
