"""Which language a page is in: the `taal` cookie, else the browser's languages among the complete catalogs,
else Dutch; the switcher on every page; `lang` and `dir`; mails follow their reader, not whoever caused them."""
import html
import re

import pytest
from sqlalchemy import select

from tests.factories import make_post
from tests.i18n.helpers import translated
from webapp.extensions import db
from webapp.mail.models import OutboxMail
from webapp.posts.vocab import REQUEST


def html_tag(response):
    return re.search(r"<html [^>]*>", response.get_data(as_text=True)).group(0)


def test_dutch_without_a_preference_with_the_other_languages_offered(client):
    response = client.get("/")
    page = response.get_data(as_text=True)
    assert 'lang="nl" dir="ltr"' in html_tag(response)
    assert re.search(r'<a [^>]*lang="en" hreflang="en"[^>]*href="/taal/en\?terug=/"[^>]*>English</a>', page)
    assert re.search(r'<a [^>]*lang="ar" hreflang="ar"[^>]*>العربية</a>', page)
    assert ">Zoeken</a>" in page


@pytest.mark.parametrize("header, language, direction", [
    ("en-GB,en;q=0.9,nl;q=0.5", "en", "ltr"),
    ("ar-SY", "ar", "rtl"),
    ("fr-FR,de;q=0.8", "nl", "ltr"),
    ("tr,en;q=0.3", "en", "ltr"),
])
def test_the_browser_language_is_used_when_there_is_a_complete_catalog(client, header, language, direction):
    response = client.get("/zoeken", headers={"Accept-Language": header})
    assert f'lang="{language}" dir="{direction}"' in html_tag(response)
    search = "Zoeken" if language == "nl" else translated(language, "Zoeken")
    assert f">{search}</a>" in response.get_data(as_text=True)
    assert {"Cookie", "Accept-Language"} <= set(response.vary)


def test_the_switcher_keeps_the_choice_and_goes_back_to_the_same_page(client):
    response = client.get("/taal/en?terug=/zoeken?q=schulden%26plaats%3D7941")
    assert response.status_code == 302 and response.location == "/zoeken?q=schulden&plaats=7941"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("taal=en;") and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Max-Age=31536000" in cookie

    english = client.get("/", headers={"Accept-Language": "ar"})  # the choice beats the browser
    assert 'lang="en"' in html_tag(english)
    heading = translated("en", "Waar zoekt u hulp bij?")
    assert heading != "Waar zoekt u hulp bij?" and heading in english.get_data(as_text=True)

    assert client.get("/taal/nl?terug=/").status_code == 302
    assert 'lang="nl"' in html_tag(client.get("/", headers={"Accept-Language": "en"}))


@pytest.mark.parametrize("back", ["//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)",
                                  "", "zoeken", "/\t/evil.example", "/\r\n/evil.example"])
def test_the_switcher_only_goes_back_to_this_site(client, back):
    response = client.get("/taal/ar", query_string={"terug": back})
    assert response.status_code == 302 and response.location == "/"


@pytest.mark.parametrize("code", ["xx", "nl-evil", "EN", "de"])
def test_a_language_without_a_catalog_is_not_found_and_sets_nothing(client, code):
    response = client.get(f"/taal/{code}?terug=/")
    assert response.status_code == 404 and "Set-Cookie" not in response.headers


def test_a_confirmation_mail_is_in_the_language_of_the_page_that_asked_for_it(client):
    client.post("/registreren", headers={"Accept-Language": "en"}, data={
        "email": "sam@example.org", "password": "een-lang-wachtwoord", "display_name": "Sam", "postcode": "7941ab",
        "privacy": "y"})
    mail = db.session.scalars(select(OutboxMail).where(OutboxMail.to_address == "sam@example.org")).one()
    assert mail.subject == translated("en", "Bevestig uw e-mailadres") != "Bevestig uw e-mailadres"
    assert '<html lang="en" dir="ltr">' in mail.html_body


def test_the_json_api_stays_dutch_whatever_the_browser_reads(client):
    """The API's labels and its 400 messages are Dutch for every client (README, Talen), as the open data's."""
    vraag = make_post(REQUEST, behalf_relation="familie")
    body = client.get(f"/api/v1/hulpvragen/{vraag.id}", headers={"Accept-Language": "en"}).get_json()
    assert body["posted_by"] == "Geplaatst door een familielid"
    client.get("/taal/ar")
    refused = client.get("/api/v1/voorzieningen?theme=onbekend").get_json()
    assert refused["error"]["message"] == "Onbekende waarde voor 'theme'."


def test_a_calendar_feed_named_in_the_page_language_varies_on_it(client):
    feed = client.get("/agenda.ics", headers={"Accept-Language": "en"})
    assert feed.mimetype == "text/calendar" and {"Cookie", "Accept-Language"} <= set(feed.vary)
    assert translated("en", "Buurtkaart agenda") in feed.get_data(as_text=True)


@pytest.mark.parametrize("referrer, back", [("http://buurtkaart.test/inloggen?next=%2Faccount", "/inloggen?next=%2Faccount"),
                                            ("https://elders.example/inloggen", "/"), (None, "/")])
def test_on_the_answer_to_a_form_the_switcher_goes_back_to_the_forms_page(client, referrer, back):
    """A form's answer can come from an address that answers no GET (…/afwijzen): back to the form's page."""
    headers = {"Referer": referrer} if referrer else {}
    page = client.post("/inloggen?next=/account", data={}, headers=headers).get_data(as_text=True)
    switch = html.unescape(re.search(r'href="(/taal/en\?[^"]*)"', page).group(1))
    assert client.get(switch).location == back
