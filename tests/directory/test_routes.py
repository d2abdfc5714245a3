"""Resident pages through the test client: home, zoeken, map markers, thema, a voorziening, legal and error pages."""
import re
from datetime import date, datetime, time, timedelta, timezone
from html import unescape
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from flask import abort
from sqlalchemy import func, select

from tests.factories import make_service
from webapp.directory.hours import local_now
from webapp.directory.models import Schedule, ScheduleException, Service
from webapp.directory.vocab import THEMES
from webapp.extensions import db

LEGAL_PAGES = {"/toegankelijkheid": "Toegankelijkheidsverklaring", "/privacy": "Privacyverklaring",
               "/cookies": "Cookieverklaring", "/over-deze-gegevens": "Over deze gegevens"}
PAGES = ["/", "/zoeken", "/zoeken?q=schulden&plaats=7941", "/zoeken?q=zzzqqq", "/zoeken?plaats=Nergenshuizen",
         "/voorzieningen/geldloket-meppel", "/thema/wonen", *LEGAL_PAGES, "/bestaat-niet"]


class Page(HTMLParser):
    """A rendered page: its elements with attributes, and each element's text."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.html, self.elements, self._open = html, [], []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": "", "parents": list(self._open)}
        self.elements.append(element)
        if tag not in self.VOID:
            self._open.append(element)

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for element in self._open:
            element["text"] += data

    def find(self, tag, **attrs):
        return [e for e in self.elements if e["tag"] == tag and all(e["attrs"].get(k) == v for k, v in attrs.items())]

    def text(self, tag, **attrs):
        return [" ".join(e["text"].split()) for e in self.find(tag, **attrs)]

    def links(self):
        """[(href, text)] of every link."""
        return [(e["attrs"].get("href", ""), " ".join(e["text"].split())) for e in self.find("a")]

    def link(self, text):
        [href] = [href for href, label in self.links() if label.startswith(text)]
        return href

    @property
    def count(self):
        """The number in 'N voorzieningen gevonden', or None when there is no result list."""
        headings = self.text("h2", id="resultaten-kop")
        return int(re.match(r"(\d+) voorziening(?:en)? gevonden", headings[0])[1]) if headings else None

    @property
    def names(self):
        return [" ".join(e["text"].split()) for e in self.elements
                if e["tag"] == "h3" and "bk-result__name" in e["attrs"].get("class", "")]


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return Page(response.get_data(as_text=True))


def args(href):
    return parse_qs(urlsplit(unescape(href)).query)


def result_item(page, name):
    """The text of the result list item of one voorziening."""
    [item] = [e for e in page.find("li") if "bk-result" in e["attrs"].get("class", "").split()
              and name in e["text"]]
    return " ".join(item["text"].split())


def definitions(page):
    """The detail page's <dl> as {term: description}."""
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", page.html, re.S)
    return {term: " ".join(unescape(re.sub(r"<[^>]+>", "", value)).split()) for term, value in pairs}


def facet_counts(page, name):
    """{value: count} as shown in the filter form: 'Wonen (5)' at a thema checkbox or a toegang/gemeente option."""
    counts = {}
    for element in page.elements:
        if element["tag"] == "input" and element["attrs"].get("name") == name:
            labels = [p for p in element["parents"] if p["tag"] == "label"]
            value, text = element["attrs"]["value"], labels[-1]["text"] if labels else ""
        elif element["tag"] == "option" and any(p["attrs"].get("name") == name for p in element["parents"]):
            value, text = element["attrs"]["value"], element["text"]
        else:
            continue
        shown = re.search(r"\((\d+)\)\s*$", text)
        if value and shown:
            counts[value] = int(shown[1])
    return counts


def every_hour_of_every_day():
    """Slots 00:00-00:00 run past midnight: open at any moment."""
    return [Schedule(weekday=day, opens=time(0), closes=time(0)) for day in range(7)]


def table_counts():
    # Searches without results are counted on purpose (tests/directory/test_missed.py); nothing else may change.
    counts = {t.name: db.session.scalar(select(func.count()).select_from(t)) for t in db.metadata.sorted_tables
              if t.name != "missed_searches"}
    counts["service versions"] = db.session.scalar(select(func.sum(Service.version)))
    return counts


# Every page


@pytest.mark.parametrize("url", PAGES)
def test_every_page_is_dutch_with_one_h1_a_skip_link_and_a_main(demo, client, url):
    page = get(client, url, 404 if url == "/bestaat-niet" else 200)
    assert [e["attrs"].get("lang") for e in page.find("html")] == ["nl"]
    assert len(page.find("h1")) == 1 and page.text("h1")[0]
    assert page.find("a")[0]["attrs"]["href"] == "#inhoud"  # the first link on the page
    assert len(page.find("main", id="inhoud")) == 1
    footer_links = [a["attrs"]["href"] for a in page.find("a") if any(p["tag"] == "footer" for p in a["parents"])]
    assert [href for href in footer_links if href in LEGAL_PAGES] == list(LEGAL_PAGES)


@pytest.mark.parametrize(("url", "title"), LEGAL_PAGES.items())
def test_legal_pages_are_dutch(client, url, title):
    page = get(client, url)
    assert page.text("h1") == [title]
    text = page.text("main")[0]
    assert " de " in text and " en " in text and " the " not in text


def test_data_page_names_every_licence(client):
    text = get(client, "/over-deze-gegevens").text("main")[0]
    for words in ("CC0", "MIT", "CC BY 4.0", "Basisregistratie Adressen en Gebouwen", "GeoNames"):
        assert words in text


def test_cookie_page_says_only_functional_cookies(client):
    text = get(client, "/cookies").text("main")[0]
    assert "alleen cookies die nodig zijn" in text and "geen cookies om u te volgen" in text
    # how long it lasts, as the login sessions really do (webapp/accounts/sessions.py)
    assert "Ingelogd: tot u uitlogt, of als u de website 30 dagen niet gebruikt" in text and "8 uur" in text
    assert "taalOnthoudt in welke taal u de website leest. Alleen als u zelf een taal kiest.1 jaar" in text


# Home


def test_home_asks_what_and_where_and_offers_every_theme(client):
    page = get(client, "/")
    assert page.text("h1") == ["Waar zoekt u hulp bij?"]
    [form] = page.find("form", action="/zoeken", method="get")
    assert page.find("input", name="q") and page.find("input", name="plaats")
    assert [href for href, _ in page.links() if href.startswith("/thema/")] == [f"/thema/{slug}" for slug in THEMES]
    [locate] = [e for e in page.elements if "data-locate" in e["attrs"]]
    assert "U gaf geen toestemming om uw locatie te gebruiken" in locate["attrs"]["data-msg-denied"]


# Zoeken


def test_search_counts_its_results_in_plural_and_singular(client):
    assert get(client, "/zoeken").count == 0
    assert "0 voorzieningen gevonden" in get(client, "/zoeken").html
    make_service("Repair Café Nijeveen")
    assert "1 voorziening gevonden" in get(client, "/zoeken").html
    make_service("Taalcafé Meppel")
    assert "2 voorzieningen gevonden" in get(client, "/zoeken").html


def test_the_geldloket_is_found_for_schulden_near_7941_with_distance_and_approximate_place(demo, client):
    page = get(client, "/zoeken?q=schulden&plaats=7941")
    assert page.count == 27
    assert "Geldloket Meppel" in page.names[:3]
    item = result_item(page, "Geldloket Meppel")
    km = re.search(r"(\d+),(\d) km", item)
    assert km and float(f"{km[1]}.{km[2]}") < 2
    assert "Locatie bij benadering: Meppel" in item
    assert "Openingstijden onbekend" in item
    assert "bij postcode 7941" in page.text("h2", id="resultaten-kop")[0]


def test_pagination_keeps_the_search_and_shows_other_results(demo, client):
    first = get(client, "/zoeken?q=schulden&plaats=7941&weergave=kaart")
    page_links = [href for href, _ in first.links() if "pagina=" in href]
    assert page_links
    for href in page_links:
        assert args(href)["q"] == ["schulden"] and args(href)["plaats"] == ["7941"]
        assert args(href)["weergave"] == ["kaart"]
    second = get(client, unescape(first.link("Volgende")))
    third = get(client, unescape(second.link("Volgende")))
    assert args(first.link("Volgende"))["pagina"] == ["2"]
    assert [len(p.names) for p in (first, second, third)] == [10, 10, 7]
    assert len(set(first.names + second.names + third.names)) == 27
    assert 'start="11"' in second.html
    assert "Volgende" not in [text for _, text in third.links()]


def test_a_page_past_the_last_shows_the_last_page(demo, client):
    last = get(client, "/zoeken?pagina=13")
    assert get(client, "/zoeken?pagina=999").names == last.names


def test_removing_one_filter_keeps_the_others(demo, client):
    page = get(client, "/zoeken?q=schulden&plaats=7941&straal=25&thema=geld-en-schulden&toegang=onbekend&pagina=2")
    without_theme = args(page.link("Geld en schulden"))
    assert without_theme == {"q": ["schulden"], "plaats": ["7941"], "straal": ["25"], "toegang": ["onbekend"]}
    without_radius = args(page.link("Binnen 25 km"))
    assert without_radius == {"q": ["schulden"], "plaats": ["7941"], "thema": ["geld-en-schulden"],
                              "toegang": ["onbekend"]}
    without_access = args(page.link("Onbekend"))
    assert "toegang" not in without_access and without_access["thema"] == ["geld-en-schulden"]


def test_the_filter_form_keeps_the_search_words_and_place(demo, client):
    page = get(client, "/zoeken?q=schulden&plaats=7941&weergave=kaart")
    [filters] = page.find("form", action="")
    hidden = {e["attrs"]["name"]: e["attrs"]["value"] for e in page.find("input", type="hidden")}
    assert filters and hidden["q"] == "schulden" and hidden["plaats"] == "7941" and hidden["weergave"] == "kaart"


@pytest.mark.parametrize("name", ["thema", "toegang", "gemeente"])
def test_facet_counts_equal_the_totals_with_that_filter_added(demo, client, name):
    url = "/zoeken?q=schulden&plaats=7941"
    shown = facet_counts(get(client, url), name)
    assert len(shown) >= 3
    for value, count in shown.items():
        assert get(client, f"{url}&{urlencode({name: value})}").count == count, value


def test_unknown_place_shows_the_geocoder_message_at_the_field(demo, client):
    page = get(client, "/zoeken?q=schulden&plaats=Nergenshuizen")
    [error] = page.text("p", id="plaats-fout")
    assert error.startswith("We kennen de plaats 'Nergenshuizen' niet.")
    [box] = page.find("input", id="plaats")
    assert box["attrs"]["aria-invalid"] == "true"
    assert "plaats-fout" in box["attrs"]["aria-describedby"].split()
    assert page.count is None and page.names == []


def test_a_known_place_has_no_error_at_the_field(demo, client):
    page = get(client, "/zoeken?q=schulden&plaats=7941")
    [box] = page.find("input", id="plaats")
    assert "aria-invalid" not in box["attrs"] and not page.find("p", id="plaats-fout")


def test_no_results_suggests_a_wider_radius_and_no_filters(demo, client):
    page = get(client, "/zoeken?q=schulden&plaats=7941&straal=2&thema=mantelzorg")
    assert page.count == 0 and "We hebben niets gevonden." in page.html
    wider = page.link("Zoek in een groter gebied")
    assert args(wider) == {"q": ["schulden"], "plaats": ["7941"], "thema": ["mantelzorg"]}
    assert get(client, unescape(wider)).count > 0
    unfiltered = page.link("Zoek zonder filters")
    assert args(unfiltered) == {"q": ["schulden"], "plaats": ["7941"], "straal": ["2"]}
    assert get(client, unescape(unfiltered)).count > 0


def test_a_misspelling_offers_bedoelde_u(demo, client):
    page = get(client, "/zoeken?q=schuldne&plaats=7941")
    assert "Bedoelde u:" in page.html
    assert args(page.link("schulden")) == {"q": ["schulden"], "plaats": ["7941"]}


def test_radius_without_a_place_asks_for_one(demo, client):
    page = get(client, "/zoeken?q=schulden&straal=5")
    assert page.text("div", role="alert") == ["Vul ook een postcode of woonplaats in om op afstand te zoeken."]
    assert page.names == []


@pytest.mark.parametrize(("query", "message"), [
    ("thema=onzin", "'onzin' is een ongeldige keuze"),
    ("pagina=-4", "Kies een pagina van 1 tot en met 1000."),
    ("pagina=0", "Kies een pagina van 1 tot en met 1000."),
    ("pagina=abc", "Kies een pagina van 1 tot en met 1000."),
    ("pagina=99999999999999999999", "Kies een pagina van 1 tot en met 1000."),
    ("straal=1000&plaats=7941", "Ongeldige keuze."),
    ("toegang=onzin", "Ongeldige keuze."),
    ("gemeente=Atlantis", "Kies een gemeente uit de lijst."),
    ("bij=garbage", "Uw locatie kon niet worden gelezen."),
    ("bij=10,10", "Uw locatie ligt buiten Nederland."),
    ("q=" + "a" * 10_000, "Veld mag niet langer zijn dan 200 karakters."),
    ("plaats=" + "7" * 101, "Veld mag niet langer zijn dan 100 karakters."),
    ("plaats=Hoofdstraat", "De straat 'Hoofdstraat' ligt in meer plaatsen"),
])
def test_bad_values_get_a_dutch_message_and_change_nothing(demo, client, query, message):
    before = table_counts()
    for base in ("/zoeken?", "/thema/wonen?"):
        response = client.get(base + query)
        assert response.status_code in (200, 400)
        page = Page(response.get_data(as_text=True))
        assert message in " ".join(page.text("div", role="alert") + page.text("p", id="plaats-fout"))
        assert page.names == []
    markers = client.get("/zoeken/kaart?" + query)
    assert markers.status_code in (200, 400)
    assert markers.status_code == 400 or markers.get_json() == []
    assert table_counts() == before


@pytest.mark.parametrize("query", ["q=*", "q=(", "q=%22", "q=title:geld", "q=[a+TO+z]", "q=OR+OR+NOT",
                                   "q=%ED%A0%80", "q=%F0%9F%98%80", "q=a&q=b", "plaats=%E2%80%AE",
                                   "thema=wonen&thema=wonen", "weergave=onzin", "nu_open=nee"])
def test_odd_search_text_never_breaks_the_page(demo, client, query):
    before = table_counts()
    for url in ("/zoeken?" + query, "/thema/wonen?" + query, "/zoeken/kaart?" + query):
        assert client.get(url).status_code == 200, url
    assert table_counts() == before


def test_a_nul_byte_is_a_dutch_400_that_changes_nothing(demo, client):
    before = table_counts()
    for url in ("/zoeken?q=%00", "/thema/wonen?plaats=%00", "/zoeken/kaart?q=geld%00"):
        response = client.get(url)
        assert response.status_code == 400, url
    assert "De vraag aan de website klopt niet." in client.get("/zoeken?q=%00").get_data(as_text=True)
    assert table_counts() == before


def test_demo_entries_say_their_hours_are_unknown(demo, client):
    page = get(client, "/zoeken?q=schulden")
    assert all("Openingstijden onbekend" in result_item(page, name) for name in page.names)


def test_a_service_open_now_says_so_and_passes_the_nu_open_filter(client):
    open_one = make_service("Inloop De Schakel", commit=False)
    open_one.schedules = every_hour_of_every_day()
    closed_one = make_service("Spreekuur Het Anker", commit=False)
    far_day = (local_now().weekday() + 3) % 7  # neither today nor yesterday
    closed_one.schedules = [Schedule(weekday=far_day, opens=time(10), closes=time(11))]
    make_service("Koffieochtend Onbekend")
    page = get(client, "/zoeken")
    assert "Nu open" in result_item(page, "Inloop De Schakel")
    assert "Nu gesloten" in result_item(page, "Spreekuur Het Anker")
    assert "Openingstijden onbekend" in result_item(page, "Koffieochtend Onbekend")
    assert re.search(r"Nu open \(1\)", page.html)
    assert get(client, "/zoeken?nu_open=y").names == ["Inloop De Schakel"]
    assert "Nu open" in get(client, "/voorzieningen/" + open_one.slug).text("main")[0]
    assert "Nu gesloten" in get(client, "/voorzieningen/" + closed_one.slug).text("main")[0]


# /zoeken/kaart


def test_markers_cover_the_whole_result_set_not_one_page(demo, client):
    page = get(client, "/zoeken?q=schulden&plaats=7941")
    [map_div] = page.find("div", id="resultaten-kaart")
    markers_url = map_div["attrs"]["data-markers-url"]
    assert args(markers_url) == {"q": ["schulden"], "plaats": ["7941"]}
    markers = client.get(markers_url).get_json()
    assert len(markers) == page.count == 27 > len(page.names)
    assert set(page.names) <= {m["name"] for m in markers}
    geldloket = next(m for m in markers if m["name"] == "Geldloket Meppel")
    assert geldloket["url"] == "/voorzieningen/geldloket-meppel" and geldloket["approximate"] is True
    assert 52 < geldloket["lat"] < 53 and 6 < geldloket["lon"] < 7


@pytest.mark.parametrize(("precision", "approximate"), [("adres", False), ("straat", False), ("woonplaats", True),
                                                        ("gemeente", True)])
def test_markers_are_approximate_only_for_woonplaats_and_gemeente(client, precision, approximate):
    service = make_service(point=(52.6956, 6.1937), precision=precision)
    [marker] = client.get("/zoeken/kaart").get_json()
    assert marker == {"id": service.id, "name": service.name, "lat": 52.6956, "lon": 6.1937,
                      "approximate": approximate, "url": f"/voorzieningen/{service.slug}", "lang": "nl"}


def test_a_service_without_a_place_is_listed_but_has_no_marker(client):
    make_service("Telefonische hulplijn")
    page = get(client, "/zoeken")
    assert page.names == ["Telefonische hulplijn"]
    assert "Geen plaats bekend: gemeente Meppel" in result_item(page, "Telefonische hulplijn")
    assert client.get("/zoeken/kaart").get_json() == []


# /voorzieningen/<slug>


def test_the_geldloket_page_says_what_is_known_and_what_is_unknown(demo, client):
    page = get(client, "/voorzieningen/geldloket-meppel")
    assert page.text("h1") == ["Geldloket Meppel"]
    facts = definitions(page)
    assert facts["Gratis"] == facts["Rolstoeltoegankelijk"] == facts["Talen"] == "Onbekend"
    assert facts["Hoe komt u binnen?"] == "Vrije inloop"
    assert facts["Gemeente"] == "Meppel"
    assert facts["Onderwerpen"] == "Geld en schulden, Informatie en advies, Wonen"
    assert "Locatie bij benadering" in facts["Plaats"]
    assert "Telefoon, e-mail en website: onbekend." in page.html
    assert "Openingstijden onbekend." in page.html
    assert "Bron: beleidsdocument Meppel 2025 — nog niet gecontroleerd" in page.text("main")[0]
    # No number of its own is made up; the only one is the gemeente's way in (tests/directory/test_way_in.py).
    assert [href for href, _ in page.links() if href.startswith(("tel:", "mailto:"))] == ["tel:140522"]


def test_known_facts_are_shown_with_tel_and_mailto_links(client):
    service = make_service("Buurthuis De Wiekslag", phone="0522 123 456", email="info@wiekslag.nl",
                           website="www.wiekslag.nl", free_of_charge="ja", languages="Nederlands, Arabisch")
    page = get(client, f"/voorzieningen/{service.slug}")
    links = dict(page.links())
    assert links["tel:0522123456"] == "0522 123 456"
    assert links["mailto:info@wiekslag.nl"] == "info@wiekslag.nl"
    assert links["https://www.wiekslag.nl"] == "www.wiekslag.nl"
    facts = definitions(page)
    assert (facts["Gratis"], facts["Talen"]) == ("Ja", "Nederlands, Arabisch")
    assert facts["Plaats"].startswith("Onbekend")


@pytest.mark.parametrize(("precision", "has_route"), [("adres", True), ("straat", True), ("woonplaats", False),
                                                      ("gemeente", False)])
def test_a_route_link_only_when_the_address_is_known(client, precision, has_route):
    service = make_service(point=(52.6956, 6.1937), precision=precision)
    page = get(client, f"/voorzieningen/{service.slug}")
    routes = [href for href, _ in page.links() if "openstreetmap.org/directions" in href]
    assert routes == (["https://www.openstreetmap.org/directions?to=52.6956%2C6.1937"] if has_route else [])
    assert ("Locatie bij benadering" in definitions(page)["Plaats"]) is not has_route


def test_hours_and_dates_are_in_dutch(client):
    service = make_service("Spreekuur Wijkteam", commit=False)
    service.schedules = [Schedule(weekday=0, opens=time(9), closes=time(12, 30))]
    service.schedule_exceptions = [ScheduleException(day=date(2026, 12, 28), closed=True, note="Kerstvakantie"),
                                   ScheduleException(day=date(2027, 1, 2), closed=False, opens=time(10),
                                                     closes=time(11))]
    db.session.commit()
    page = get(client, f"/voorzieningen/{service.slug}")
    assert "maandag" in page.text("th", scope="row")
    assert "09:00 – 12:30" in page.text("td")
    items = page.text("li")
    assert "maandag 28 december 2026: gesloten (Kerstvakantie)" in items
    assert "zaterdag 2 januari 2027: 10:00 – 11:00" in items


@pytest.mark.parametrize("slug", ["bestaat-niet", "x" * 5000, "%3Cscript%3E"])
def test_unknown_voorziening_is_a_dutch_404(client, slug):
    page = get(client, f"/voorzieningen/{slug}", 404)
    assert page.text("h1") == ["Deze pagina bestaat niet (meer)."]


def test_an_archived_voorziening_is_gone(client):
    service = make_service("Oud project")
    service.archived_at = datetime.now(timezone.utc) - timedelta(days=1)
    db.session.commit()
    get(client, f"/voorzieningen/{service.slug}", 404)
    assert get(client, "/zoeken").names == []


def test_the_detail_page_has_a_print_stylesheet(demo, client):
    page = get(client, "/voorzieningen/geldloket-meppel")
    [print_css] = page.find("link", rel="stylesheet", media="print")
    response = client.get(print_css["attrs"]["href"])
    assert response.status_code == 200 and response.mimetype == "text/css"
    response.close()


# /thema/<slug>


def test_a_theme_page_lists_only_that_theme(demo, client):
    in_db = db.session.scalar(select(func.count()).select_from(Service).where(Service.themes.any(slug="wonen")))
    page = get(client, "/thema/wonen")
    assert page.text("h1") == ["Wonen"]
    assert page.count == in_db == len(page.names)
    assert all("Wonen" in result_item(page, name) for name in page.names)
    [map_div] = page.find("div", id="resultaten-kaart")
    markers = client.get(unescape(map_div["attrs"]["data-markers-url"])).get_json()
    assert sorted(m["name"] for m in markers) == sorted(page.names)


@pytest.mark.parametrize("slug", sorted(THEMES))
def test_every_theme_page_exists(demo, client, slug):
    page = get(client, f"/thema/{slug}")
    assert page.text("h1") == [str(THEMES[slug])]
    assert page.count is not None and page.count > 0


def test_an_unknown_theme_is_a_dutch_404(client):
    page = get(client, "/thema/onzin", 404)
    assert page.text("h1") == ["Deze pagina bestaat niet (meer)."]


@pytest.mark.parametrize(("url", "link"), [("/thema/wonen?toegang=onbekend", "Onbekend"),
                                           ("/thema/wonen?q=wonn", "wonen"),
                                           ("/thema/wonen?q=schulden&toegang=aanmelden", "Zoek zonder filters")])
def test_links_on_a_theme_page_stay_on_that_theme(demo, client, url, link):
    href = unescape(get(client, url).link(link))
    assert urlsplit(href).path == "/thema/wonen"


# Error pages


def test_the_server_error_page_is_dutch_with_a_search_box(app):
    app.add_url_rule("/test-fout", "test_error", lambda: abort(500))
    page = get(app.test_client(), "/test-fout", 500)
    assert page.text("h1") == ["Er ging iets mis aan onze kant. Probeer het later nog eens."]
    assert page.find("form", action="/zoeken", method="get")


def test_the_too_many_requests_page_says_how_long_to_wait(app):
    app.add_url_rule("/test-fout", "test_error", lambda: abort(429))
    page = get(app.test_client(), "/test-fout", 429)
    assert page.text("h1") == ["Even wachten"]
    assert "Probeer het over 1 minuut opnieuw." in " ".join(page.text("p"))


@pytest.mark.parametrize("url", ["/bestaat-niet", "/zoeken/bestaat-niet", "/thema/", "/voorzieningen/"])
def test_not_found_is_dutch_with_a_search_box(client, url):
    page = get(client, url, 404)
    assert page.text("h1") == ["Deze pagina bestaat niet (meer)."]
    assert page.find("form", action="/zoeken", method="get")
    assert page.find("input", name="q") and page.find("input", name="plaats")
    assert "Foutcode: 404" in page.text("main")[0]


def test_a_post_to_a_search_page_is_a_dutch_405(client):
    response = client.post("/zoeken")
    assert response.status_code == 405
    assert "Deze handeling is hier niet toegestaan." in Page(response.get_data(as_text=True)).text("h1")
