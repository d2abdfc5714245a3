"""A reader on a page in another language sees a voorziening's translation where beheer entered one, marked with
its lang; Dutch texts of the data on such a page carry lang="nl" (WCAG 3.1.2). The JSON-LD stays Dutch."""
import json
from datetime import datetime, timezone

import pytest

from tests.agenda.test_agenda import add
from tests.board.helpers import board_posts
from tests.directory.test_routes import Page
from tests.factories import make_service
from webapp.board.public import public_url
from webapp.directory import hours
from webapp.directory.translations import TranslationData, save_translation

MEPPEL = (52.6956, 6.1937)


@pytest.fixture
def interface_languages():
    """The interface offers English and Arabic, whatever catalogs are there (a monkeypatch of its own: the
    accounts fixture undoes the shared one)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("webapp.i18n.services.languages", lambda: ["nl", "en", "ar"])
        patch.setattr(hours, "utc_now", lambda: datetime(2026, 12, 9, 9, 0, tzinfo=timezone.utc))
        yield


@pytest.fixture
def geldloket(app, accounts, interface_languages):
    service = make_service("Geldloket Meppel", point=MEPPEL, precision="adres", summary="Hulp bij geldzorgen.",
                           description="Kom langs op het spreekuur.", cost_note="gratis voor inwoners")
    save_translation(accounts["beheerder"], service, "en", TranslationData(name="Money desk Meppel",
                                                                            summary="Help with money worries."))
    return service


def choose(client, language):
    """The reader's choice of language, as the switcher keeps it."""
    client.set_cookie("taal", language, domain="buurtkaart.test")


def page(client, url, language=None):
    choose(client, language or "nl")
    response = client.get(url)
    assert response.status_code == 200, url
    return Page(response.text)


def texts(found):
    return [" ".join(element["text"].split()) for element in found]


def test_the_english_page_shows_the_translation_with_its_lang_and_the_rest_marked_dutch(client, geldloket):
    url = f"/voorzieningen/{geldloket.slug}"
    english = page(client, url, "en")
    assert texts(english.find("h1", lang="en")) == ["Money desk Meppel"]
    assert texts(english.find("p", lang="en")) == ["Help with money worries."]
    # No English description: the Dutch one, marked as Dutch; so are the other texts of the data.
    assert "Kom langs op het spreekuur." in texts(english.find("p", lang="nl"))
    assert "gratis voor inwoners" in texts(english.find("span", lang="nl"))
    assert "Money desk Meppel" in english.text("title")[0]
    structured = json.loads(english.text("script", type="application/ld+json")[0])
    assert structured["name"] == "Geldloket Meppel"  # search engines and the API get the Dutch source

    dutch = page(client, url)
    assert texts(dutch.find("h1")) == ["Geldloket Meppel"] and not dutch.find("h1", lang="nl")
    assert "Money desk Meppel" not in client.get(url).text
    assert not [e for e in dutch.elements if "lang" in e["attrs"] and e["tag"] != "html" and e["tag"] != "a"]

    arabic = page(client, url, "ar")  # no Arabic translation: Dutch, marked as such
    assert texts(arabic.find("h1", lang="nl")) == ["Geldloket Meppel"]


def test_the_result_list_and_the_map_show_the_translated_name(client, geldloket):
    make_service("Geldzorgen spreekuur", point=MEPPEL, precision="adres", summary="Voor vragen over geld.")
    english = page(client, "/zoeken?q=geld", "en")
    assert "Money desk Meppel" in texts(english.find("a", lang="en"))
    assert "Help with money worries." in texts(english.find("p", lang="en"))
    assert "Geldzorgen spreekuur" in texts(english.find("a", lang="nl"))
    assert "Voor vragen over geld." in texts(english.find("p", lang="nl"))
    markers = {m["name"]: m["lang"] for m in client.get("/zoeken/kaart?q=geld").get_json()}
    assert markers == {"Money desk Meppel": "en", "Geldzorgen spreekuur": "nl"}

    choose(client, "nl")
    dutch = client.get("/zoeken?q=geld").text
    assert "Geldloket Meppel" in dutch and "Money desk" not in dutch
    assert {m["name"] for m in client.get("/zoeken/kaart?q=geld").get_json()} == {"Geldloket Meppel",
                                                                                    "Geldzorgen spreekuur"}


def test_posts_and_activities_on_an_english_page_are_marked_dutch(client, login, geldloket):
    posts = board_posts()
    post = posts["vraag_meppel"]
    assert "Boodschappen voor mijn moeder" in texts(page(client, "/voor-elkaar", "en").find("a", lang="nl"))
    assert texts(page(client, public_url(post), "en").find("h1", lang="nl")) == ["Boodschappen voor mijn moeder"]
    assert not page(client, public_url(post)).find("h1", lang="nl")

    login("beheerder")
    assert add(client, geldloket, description="Koffie en een praatje").status_code == 302
    agenda = page(client, "/agenda?periode=komend-jaar", "en")
    assert "Koffieochtend" in texts(agenda.find("span", lang="nl"))
    assert "Koffie en een praatje" in texts(agenda.find("p", lang="nl"))
    assert "Money desk Meppel" in texts(agenda.find("a", lang="en"))


def test_the_handouts_are_printed_in_the_readers_language(client, geldloket):
    handout = page(client, f"/voorzieningen/{geldloket.slug}/afdrukken", "en")
    assert texts(handout.find("h1", lang="en")) == ["Money desk Meppel"]
    assert "gratis voor inwoners" not in texts(handout.find("p", lang="en"))
    search = page(client, "/zoeken/afdrukken?q=geld", "en")
    assert texts(search.find("h2", lang="en")) == ["Money desk Meppel"]
    assert texts(page(client, f"/voorzieningen/{geldloket.slug}/afdrukken").find("h1")) == ["Geldloket Meppel"]
