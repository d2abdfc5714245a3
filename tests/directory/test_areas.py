"""Who a voorziening is for: a search from a place shows what is for that place's residents first (issue 16).

Real app, real index, real gazetteer. The first four tests are the findings that started it.
"""
import re
from html import unescape

from tests.factories import make_service
from webapp import geo
from webapp.directory import services
from webapp.directory.models import ServiceArea
from webapp.directory.services import ServiceQuery
from webapp.directory.vocab import NATIONAL
from webapp.extensions import db
from webapp.geo.gazetteer import get_gazetteer

DEMO_GEMEENTEN = ("Meppel", "Steenwijkerland", "Tynaarlo", "Gooise Meren")
NEEDS = ("schulden", "eenzaam", "dementie", "opvoeding", "mantelzorg", "voedselbank", "formulieren", "vervoer",
         "wonen", "werk")
ASK_FOR_PLACE = "Vul uw postcode of woonplaats in, dan ziet u eerst wat er in uw gemeente is."
OTHERS = "Voor inwoners van andere gemeenten"
MEPPEL_CENTRE = (52.6956, 6.1937)


def sections(client, url):
    """The result list as [(heading or None, [names])], in page order."""
    response = client.get(url)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    parts = [(None, [])]
    for heading, name in re.findall(r'bk-result-group">([^<]*)</h2>|bk-result__name"><a[^>]*>([^<]*)</a>', html):
        if heading:
            parts.append((unescape(heading), []))
        else:
            parts[-1][1].append(unescape(name))
    return [part for part in parts if part[1]], html


def search(text="", near="", **fields):
    return services.search_services(ServiceQuery(text=text, near=near, **fields))


def gemeente_of_name(name):
    return db.session.scalar(db.select(services.Service.gemeente).where(services.Service.name == name))


# The findings


def test_eenzaam_from_nijeveen_shows_meppel_first_and_the_rest_under_a_heading(demo, client):
    pages = [sections(client, f"/zoeken?q=eenzaam&plaats=Nijeveen&pagina={page}")[0] for page in (1, 2, 3)]
    parts = [part for page in pages for part in page]
    headings = list(dict.fromkeys(heading for heading, _names in parts))
    assert headings == ["Voor inwoners van gemeente Meppel", OTHERS]
    own = [name for heading, names in parts if heading != OTHERS for name in names]
    others = [name for heading, names in parts if heading == OTHERS for name in names]
    assert {gemeente_of_name(name) for name in own} == {"Meppel"}
    assert {"Tynaarlo", "Gooise Meren"} <= {gemeente_of_name(name) for name in others}


def test_hulp_bij_opvoeding_near_7941_ab_starts_with_meppel_and_finds_buurtgezinnen(demo):
    results = search("hulp bij opvoeding", "7941 AB")
    names = [item.service.name for item in results.items]
    assert "Buurtgezinnen Meppel" in names
    assert [item.service.gemeente for item in results.items[:5]] == ["Meppel"] * 5


def test_a_meppel_voedselbank_comes_before_the_one_in_tynaarlo(demo, client):
    # Scores a band below Tynaarlo's (a longer name and text): today's order put Tynaarlo (49 km) first.
    make_service("Stichting Voedselbank Meppel en omstreken", gemeente="Meppel", point=MEPPEL_CENTRE,
                 summary="Elke week een pakket met eten voor wie weinig geld heeft.",
                 description="Vrijwilligers delen op vrijdag pakketten uit in het centrum van Meppel. U meldt zich "
                             "aan via uw wijkteam.")
    parts, _html = sections(client, "/zoeken?q=voedselbank&plaats=7941")
    assert parts[0] == ("Voor inwoners van gemeente Meppel", ["Stichting Voedselbank Meppel en omstreken"])
    assert parts[1][0] == OTHERS and parts[1][1][0] == "Voedselbank Tynaarlo"


def test_a_theme_page_without_a_place_asks_for_one_and_groups_by_gemeente(demo, client):
    parts, html = sections(client, "/thema/geld-en-schulden")
    assert ASK_FOR_PLACE in html
    headings = [heading for heading, _names in parts]
    assert headings == sorted(headings) and "Gemeente Gooise Meren" in headings and "Gemeente Meppel" in headings
    for heading, names in parts:
        assert {gemeente_of_name(name) for name in names} == {heading.removeprefix("Gemeente ")}
    parts, html = sections(client, "/thema/geld-en-schulden?plaats=Nijeveen")
    assert ASK_FOR_PLACE not in html and parts[0][0] == "Voor inwoners van gemeente Meppel"


# The property over the demo data


def demo_woonplaatsen():
    """(text to type, its gemeente) for every woonplaats of the gazetteer in the four demo gemeenten."""
    gazetteer = get_gazetteer()
    entries = [entry for group in (*gazetteer.woonplaatsen.values(), *gazetteer.places.values()) for entry in group]
    return sorted({(entry.place, entry.gemeente) for entry in entries if entry.gemeente in DEMO_GEMEENTEN})


def test_from_every_demo_woonplaats_a_fitting_voorziening_of_its_own_gemeente_comes_first(demo):
    places = demo_woonplaatsen()
    assert {gemeente for _place, gemeente in places} == set(DEMO_GEMEENTEN) and len(places) > 30
    own_first = 0
    for place, gemeente in places:
        for need in NEEDS:
            results = search(need, place, per_page=500)
            assert results.gemeente == gemeente, place
            if any(item.in_area for item in results.items):
                assert results.items[0].in_area, (place, need, results.items[0].service.name)
                own_first += 1
    assert own_first > len(places) * len(NEEDS) // 2  # most needs have a voorziening in every demo gemeente


# The parts and what the page says


def test_each_part_keeps_todays_order(demo):
    """Without words, today's order is nearest first: so it is within each part."""
    results = search("", "Nijeveen", themes=("mantelzorg",), per_page=500)
    parts = [item.in_area for item in results.items]
    assert parts == sorted(parts, reverse=True) and True in parts and False in parts  # own gemeente first
    for part in (True, False):
        distances = [item.distance_km for item in results.items if item.in_area is part]
        assert distances == sorted(distances)


def test_a_search_without_a_place_asks_for_one(demo, client):
    parts, html = sections(client, "/zoeken?q=schulden")
    assert ASK_FOR_PLACE in html and all(heading.startswith("Gemeente ") for heading, _names in parts)


def test_a_place_whose_gemeente_we_cannot_tell_is_said_and_not_grouped(demo, client):
    parts, html = sections(client, "/zoeken?q=schulden&plaats=9999")
    assert "We weten niet in welke gemeente postcode 9999 ligt." in html
    assert [heading for heading, _names in parts] == [None]


def test_a_pc4_outside_the_drenthe_data_borrows_the_nearest_gemeente_within_10_km(demo):
    assert search("schulden", "8331").gemeente == "Steenwijkerland"  # Steenwijk: no PC6 data there
    assert geo.gemeente_of(geo.here(*MEPPEL_CENTRE)) == "Meppel"
    assert geo.gemeente_of(geo.here(52.2, 5.9)) is None  # Apeldoorn's woods: no place of the data near


def test_a_national_line_and_a_shared_one_are_for_the_residents_of_every_gemeente_they_name(demo, client):
    national = make_service("Luisterlijn landelijk", gemeente="Gooise Meren", point=(52.27, 5.16),
                            summary="Eenzaam? Bel ons.", commit=False)
    national.areas = [ServiceArea(name=NATIONAL)]
    shared = make_service("Eenzaamheidslijn Steenwijk", gemeente="Steenwijkerland", point=(52.79, 6.12),
                          summary="Eenzaam? Wij komen langs.", commit=False)
    shared.areas = [ServiceArea(name="Meppel"), ServiceArea(name="Steenwijkerland")]
    db.session.commit()
    own = {item.service.name for item in search("eenzaam", "Nijeveen", per_page=500).items if item.in_area}
    assert {"Luisterlijn landelijk", "Eenzaamheidslijn Steenwijk"} <= own
    own = {item.service.name for item in search("eenzaam", "Zuidlaren", per_page=500).items if item.in_area}
    assert "Luisterlijn landelijk" in own and "Eenzaamheidslijn Steenwijk" not in own
    parts, html = sections(client, "/zoeken?q=eenzaam&plaats=Zuidlaren&gemeente=Steenwijkerland")
    assert "Eenzaamheidslijn Steenwijk" in dict(parts)[OTHERS]
    assert "Voor inwoners van Meppel, Steenwijkerland" in html


# The JSON API


def test_the_api_gives_the_area_and_in_area_in_the_page_order(demo, client):
    body = client.get("/api/v1/voorzieningen", query_string={"q": "eenzaam", "near": "Nijeveen"}).get_json()
    assert body["near"]["gemeente"] == "Meppel"
    flags = [result["in_area"] for result in body["results"]]
    assert flags[0] is True and flags == sorted(flags, reverse=True)
    assert all(result["service_area"] == ["Meppel"] for result in body["results"] if result["in_area"])
    page = [item.service.id for item in search("eenzaam", "Nijeveen").items]
    assert [result["id"] for result in body["results"]] == page
    body = client.get("/api/v1/voorzieningen", query_string={"q": "eenzaam"}).get_json()
    assert "in_area" not in body["results"][0] and body["results"][0]["service_area"]
    body = client.get("/api/v1/voorzieningen", query_string={"q": "eenzaam", "near": "9999"}).get_json()
    assert body["near"]["gemeente"] is None and {result["in_area"] for result in body["results"]} == {None}
    detail = client.get(f"/api/v1/voorzieningen/{page[0]}").get_json()
    assert detail["service_area"] == ["Meppel"]



def test_the_detail_page_says_whose_residents_it_is_for(demo, client):
    shared = make_service("Eenzaamheidslijn Steenwijk", gemeente="Steenwijkerland", point=(52.79, 6.12), commit=False)
    shared.areas = [ServiceArea(name="Meppel"), ServiceArea(name="Steenwijkerland")]
    db.session.commit()
    html = unescape(client.get(f"/voorzieningen/{shared.slug}").get_data(as_text=True))
    assert re.search(r"<dt>Voor inwoners van</dt><dd>Meppel, Steenwijkerland</dd>", html)
    html = unescape(client.get("/voorzieningen/geldloket-meppel").get_data(as_text=True))
    assert "<dt>Voor inwoners van</dt><dd>Meppel</dd>" in html
