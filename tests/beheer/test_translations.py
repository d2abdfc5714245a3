"""Beheer enters a voorziening's texts in another language: per language a form, the gemeente's beheerders only,
bad input refused in Dutch, a stale save refused, an emptied translation removed; every change in the audit log."""
import pytest

from tests.beheer.test_duplicates import pair
from tests.factories import make_service
from tests.html_forms import main_form
from tests.test_write_conflicts import CONFLICT, session_of
from webapp.directory.translations import ServiceTranslation, TranslationData, save_translation
from webapp.extensions import db

PAGE = "/beheer/voorzieningen/{id}/vertalingen"
SAVE = "/beheer/voorzieningen/{id}/vertalingen/{language}"


@pytest.fixture
def geldloket(app):
    return make_service("Geldloket Meppel", summary="Hulp bij geldzorgen.", description="Kom langs op het spreekuur.")


def english_form(client, service):
    """The English form as the page shows it (the second form on the page is Arabic)."""
    return main_form(client.get(PAGE.format(id=service.id)).text)


def saved(service):
    db.session.expire_all()
    return {row.language: (row.name, row.summary, row.description)
            for row in db.session.query(ServiceTranslation).filter_by(service_id=service.id)}


def test_the_beheer_page_links_to_the_translations_and_an_english_one_is_saved_and_audited(client, login, geldloket):
    login("beheerder")
    edit = client.get(f"/beheer/voorzieningen/{geldloket.id}/bewerken").text
    assert PAGE.format(id=geldloket.id) in edit and "Vertalingen" in edit
    page = client.get(PAGE.format(id=geldloket.id)).text
    assert "Engels" in page and "Arabisch" in page and 'lang="ar"' in page
    form = english_form(client, geldloket)
    assert form["en-version"] == "0"
    response = client.post(SAVE.format(id=geldloket.id, language="en"),
                           data={**form, "en-name": "Money desk Meppel", "en-summary": "Help with money worries."})
    assert response.status_code == 302
    assert saved(geldloket) == {"en": ("Money desk Meppel", "Help with money worries.", "")}
    page = client.get(response.location).text
    assert "De vertaling in het Engels is opgeslagen." in page
    edit = client.get(f"/beheer/voorzieningen/{geldloket.id}/bewerken").text
    assert "Naam (en): — → Money desk Meppel" in edit


@pytest.mark.parametrize("fields, message", [
    ({"en-name": "x" * 201}, "Veld mag niet langer zijn dan 200 karakters."),
    ({"en-summary": "y" * 301}, "Veld mag niet langer zijn dan 300 karakters."),
])
def test_bad_input_is_refused_in_dutch_and_nothing_is_saved(client, login, geldloket, fields, message):
    login("beheerder")
    form = english_form(client, geldloket)
    response = client.post(SAVE.format(id=geldloket.id, language="en"), data={**form, **fields})
    assert response.status_code == 400 and message in response.text
    assert saved(geldloket) == {}


def test_a_language_that_is_not_offered_is_not_found(client, login, geldloket):
    login("beheerder")
    form = english_form(client, geldloket)
    data = {key.replace("en-", "tlh-"): value for key, value in form.items()}
    assert client.post(SAVE.format(id=geldloket.id, language="tlh"), data={**data, "tlh-name": "x"}).status_code == 404
    assert saved(geldloket) == {}


@pytest.mark.parametrize("who, status", [("beheerder_elders", 403), ("coordinator", 403), ("inwoner", 403)])
def test_only_the_gemeentes_beheerders_may(client, login, geldloket, who, status):
    login(who)
    assert client.get(PAGE.format(id=geldloket.id)).status_code == status
    response = client.post(SAVE.format(id=geldloket.id, language="en"), data={"en-name": "Money desk"})
    assert response.status_code == status
    assert client.get(PAGE.format(id="onbekend")).status_code == (404 if who == "beheerder_elders" else 403)
    assert saved(geldloket) == {}


def test_emptying_every_field_removes_the_translation(client, login, geldloket):
    login("beheerder")
    url = SAVE.format(id=geldloket.id, language="en")
    client.post(url, data={**english_form(client, geldloket), "en-name": "Money desk Meppel"})
    form = english_form(client, geldloket)
    assert form["en-name"] == "Money desk Meppel" and form["en-version"] == "1"
    response = client.post(url, data={**form, "en-name": "  "})
    assert response.status_code == 302
    assert saved(geldloket) == {}
    assert "Naam (en): Money desk Meppel → —" in client.get(f"/beheer/voorzieningen/{geldloket.id}/bewerken").text


def test_a_second_beheerder_cannot_undo_the_first(app, accounts, geldloket):
    anna, bert = session_of(app, "beheerder"), session_of(app, "beheerder")
    form_a, form_b = english_form(anna, geldloket), english_form(bert, geldloket)
    url = SAVE.format(id=geldloket.id, language="en")
    assert anna.post(url, data={**form_a, "en-name": "Money desk Meppel"}).status_code == 302
    response = bert.post(url, data={**form_b, "en-name": "Money counter"})
    assert response.status_code == 409
    assert CONFLICT in response.text and "Money desk Meppel" in response.text
    assert main_form(response.text)["en-name"] == "Money counter"  # Bert's input is kept
    assert saved(geldloket) == {"en": ("Money desk Meppel", "", "")}
    # Saving again from the 409 page (it carries the version now saved) is a deliberate choice, and works.
    assert bert.post(url, data=main_form(response.text)).status_code == 302
    assert saved(geldloket) == {"en": ("Money counter", "", "")}


def test_a_merge_takes_over_the_translations_the_kept_listing_lacks(client, login, accounts):
    keep, drop = pair(client)
    save_translation(accounts["beheerder"], keep, "en", TranslationData(name="Walk-in De Schakel"))
    save_translation(accounts["beheerder"], drop, "en", TranslationData(name="The Schakel walk-in"))
    save_translation(accounts["beheerder"], drop, "ar", TranslationData(summary="قهوة ودردشة"))
    login("beheerder")
    url = f"/beheer/samenvoegen/{keep.id}/{drop.id}"
    response = client.post(url, data=main_form(client.get(url).text, marker='method="post" novalidate>'))
    assert response.status_code == 302
    assert saved(keep) == {"en": ("Walk-in De Schakel", "", ""), "ar": ("", "قهوة ودردشة", "")}
    assert saved(drop) == {"en": ("The Schakel walk-in", "", "")}
    assert "Korte omschrijving (ar): — → قهوة ودردشة" in client.get(f"/beheer/voorzieningen/{keep.id}/bewerken").text
