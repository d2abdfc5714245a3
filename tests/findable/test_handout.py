"""A handout to print: one voorziening or a result list, with the way there, the gemeente's way in and a QR code."""
import re
from datetime import time

import segno

from tests.directory.test_routes import Page
from tests.factories import make_service
from webapp.directory.gemeente_contacts import GemeenteContact
from webapp.directory.models import Schedule
from webapp.extensions import db

SITE = "http://buurtkaart.test"


def qr_matches(html, url):
    """The page's QR code is the code of `url` (the same modules as segno draws for it)."""
    [drawn] = re.findall(r'<svg[^>]*class="bk-qr".*?</svg>', html, re.S)
    expected = segno.make(url, error="m")
    return re.search(r' d="([^"]+)"', drawn)[1] == re.search(r' d="([^"]+)"', expected.svg_inline(scale=4))[1]


def add_way_in():
    db.session.add(GemeenteContact(gemeente="Meppel", name="Gemeente Meppel", phone="14 0522",
                                   website="https://www.meppel.nl"))
    db.session.commit()


def test_a_voorziening_links_to_its_handout_with_address_hours_way_in_and_qr(client):
    service = make_service("Inloop De Schakel", summary="Koffie en een praatje", commit=False)
    service.location.address, service.location.postcode = "Zuideinde 12", "7941 GJ"
    service.schedules.append(Schedule(weekday=2, opens=time(10), closes=time(12)))
    db.session.commit()
    add_way_in()
    page = Page(client.get(f"/voorzieningen/{service.slug}").text)
    assert page.link("Afdrukken") == f"/voorzieningen/{service.slug}/afdrukken"
    response = client.get(f"/voorzieningen/{service.slug}/afdrukken")
    assert response.status_code == 200
    handout = Page(response.text)
    text = " ".join(handout.text("main")[0].split())
    assert "Inloop De Schakel" in handout.text("h1")
    assert "Zuideinde 12, 7941 GJ Meppel" in text and "woensdag: 10:00 – 12:00" in text
    assert "Vragen? Bel de gemeente Meppel: 14 0522" in text
    assert f"{SITE}/voorzieningen/{service.slug}" in text
    assert qr_matches(response.text, f"{SITE}/voorzieningen/{service.slug}")
    assert handout.find("meta", name="robots")[0]["attrs"]["content"] == "noindex"


def test_a_handout_says_what_is_unknown_instead_of_guessing(client):
    service = make_service("Spreekuur Het Anker")
    text = " ".join(Page(client.get(f"/voorzieningen/{service.slug}/afdrukken").text).text("main")[0].split())
    assert "Het adres is niet bekend: vraag het de gemeente." in text
    assert "Openingstijden onbekend." in text and "Telefoon, e-mail en website: onbekend." in text


def test_an_unknown_or_archived_voorziening_has_no_handout(client):
    assert client.get("/voorzieningen/bestaat-niet/afdrukken").status_code == 404


def test_a_result_list_prints_with_the_search_in_its_qr_code(client):
    make_service("Taalcafé Meppel", summary="Nederlands oefenen", phone="0522 111 222")
    make_service("Repair Café Nijeveen", summary="Spullen repareren")
    add_way_in()
    search = Page(client.get("/zoeken?q=oefenen&gemeente=Meppel").text)
    handout_url = search.link("Afdrukken")
    assert handout_url.startswith("/zoeken/afdrukken?") and "q=oefenen" in handout_url
    response = client.get(handout_url)
    handout = Page(response.text)
    assert handout.text("h2")[0] == "Taalcafé Meppel" and "Repair Café Nijeveen" not in response.text
    assert "Telefoon: 0522 111 222" in " ".join(handout.text("main")[0].split())
    assert "Vragen? Bel de gemeente Meppel" in " ".join(handout.text("main")[0].split())
    assert qr_matches(response.text, f"{SITE}/zoeken?q=oefenen&gemeente=Meppel")


def test_a_theme_page_prints_its_theme(client):
    make_service("Schuldhulp", themes=("geld-en-schulden",))
    make_service("Repair Café", themes=("cultuur",))
    handout_url = Page(client.get("/thema/geld-en-schulden").text).link("Afdrukken")
    assert handout_url == "/zoeken/afdrukken?thema=geld-en-schulden"
    names = Page(client.get(handout_url).text).text("h2")
    assert "Schuldhulp" in names and "Repair Café" not in names


def test_a_search_too_long_for_a_qr_code_prints_its_address_only(client):
    response = client.get("/zoeken/afdrukken", query_string={"q": "hulp " * 700})
    assert response.status_code == 200
    assert 'class="bk-qr"' not in response.text and "Op de website:" in response.text
