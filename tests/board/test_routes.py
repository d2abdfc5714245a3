"""/voor-elkaar through the test client: the list, the map's markers, the post pages and bad input."""
from datetime import date

import pytest
from sqlalchemy import func, select

from tests.board.helpers import board_posts, closed_posts, kind_path
from tests.directory.test_routes import Page
from tests.factories import make_post
from webapp import geo
from webapp.extensions import db
from webapp.posts.models import Post
from webapp.posts.vocab import REQUEST


@pytest.fixture
def posts(app):
    return board_posts()


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return Page(response.get_data(as_text=True))


def titles(page):
    return [" ".join(e["text"].split()) for e in page.elements
            if e["tag"] == "h3" and "bk-result__name" in e["attrs"].get("class", "")]


def result_ids(page):
    return [e["attrs"]["data-result-id"] for e in page.find("li") if "data-result-id" in e["attrs"]]


def test_the_board_explains_and_offers_both_ways_in(client, posts):
    page = get(client, "/voor-elkaar")
    assert page.text("h1") == ["Voor elkaar"]
    assert page.link("Ik zoek hulp") == "/voor-elkaar/hulpvraag/nieuw"
    assert page.link("Ik bied hulp aan") == "/voor-elkaar/hulpaanbod/nieuw"
    assert page.text("h2", id="resultaten-kop") == ["4 berichten gevonden"]


def test_words_kind_category_and_place_narrow_the_list(client, posts):
    assert set(titles(get(client, "/voor-elkaar?q=boodschappen"))) == {
        "Boodschappen voor mijn moeder", "Ik doe graag boodschappen"}
    assert titles(get(client, "/voor-elkaar?q=boodschappen&soort=hulpaanbod")) == ["Ik doe graag boodschappen"]
    assert titles(get(client, "/voor-elkaar?categorie=tuin")) == ["Wie helpt bij het snoeien van de heg?"]
    near = get(client, "/voor-elkaar?plaats=Nijeveen&afstand=2")
    assert titles(near) == ["Wie helpt bij het snoeien van de heg?"]
    assert "ongeveer 0,5 km" in " ".join(near.text("li"))


def test_a_result_shows_category_woonplaats_distance_and_when(client, posts):
    page = get(client, "/voor-elkaar?plaats=Rogat&soort=hulpaanbod&categorie=vervoer-en-begeleiding")
    [item] = [" ".join(e["text"].split()) for e in page.find("li") if "data-result-id" in e["attrs"]]
    assert "Hulpaanbod" in item and "Vervoer en begeleiding" in item and "Rogat" in item
    assert "ongeveer 0,5 km" in item and "dinsdagochtend" in item and "Komt tot 5 km ver" in item


def test_the_map_markers_are_the_result_set(client, app):
    made = [make_post(REQUEST, place=place, title=f"Boodschappen nummer {n}")
            for n, place in enumerate(["7941 AB", "Nijeveen", "Rogat"] * 4)]
    for query in ("", "q=boodschappen", "plaats=Nijeveen&afstand=5", "categorie=tuin", "soort=hulpaanbod"):
        page = get(client, f"/voor-elkaar?{query}")
        markers = client.get(f"/voor-elkaar/kaart?{query}").get_json()
        shown = set(result_ids(page)) | set(result_ids(get(client, f"/voor-elkaar?{query}&pagina=2")))
        assert {m["id"] for m in markers} == shown, query
        assert page.find("div", id="resultaten-kaart")[0]["attrs"]["data-markers-url"].startswith("/voor-elkaar/kaart")
    everything = client.get("/voor-elkaar/kaart").get_json()
    assert {(m["id"], m["lat"], m["lon"]) for m in everything} == {(p.id, *p.public_point) for p in made}
    assert len(result_ids(get(client, "/voor-elkaar"))) == 10


def own_position(place):
    """Where the browser says the resident is, rounded as static/js/locate.js sends it."""
    latitude, longitude = geo.locate(place).point[:2]
    return f"{round(latitude, 3)},{round(longitude, 3)}"


def test_gebruik_mijn_locatie_searches_from_the_own_position(client, posts):
    page = get(client, "/voor-elkaar")
    [locate] = [e for e in page.find("div") if "data-locate" in e["attrs"]]
    assert locate["attrs"]["data-msg-button"] == "Gebruik mijn locatie"
    near = f"bij={own_position('Nijeveen')}"
    page = get(client, f"/voor-elkaar?{near}&afstand=2")
    assert titles(page) == ["Wie helpt bij het snoeien van de heg?"]
    assert page.text("h2", id="resultaten-kop") == ["1 bericht gevonden bij uw locatie"]
    assert page.find("input", name="bij")[0]["attrs"]["value"] == own_position("Nijeveen")
    markers = client.get(f"/voor-elkaar/kaart?{near}&afstand=2").get_json()
    assert [m["id"] for m in markers] == [posts["vraag_nijeveen"].id]
    everything = get(client, f"/voor-elkaar?{near}")
    assert result_ids(everything)[0] == posts["vraag_nijeveen"].id and len(result_ids(everything)) == 4
    assert "ongeveer 0,5 km" in " ".join(everything.text("li"))


def test_a_typed_place_wins_over_the_own_position(client, posts):
    page = get(client, f"/voor-elkaar?plaats=Rogat&bij={own_position('Nijeveen')}&afstand=2")
    assert titles(page) == ["Ik rijd u naar de dokter"]
    assert page.text("h2", id="resultaten-kop") == ["1 bericht gevonden bij Rogat"]


def test_nothing_found_says_so_and_offers_a_way_on(client, posts):
    page = get(client, "/voor-elkaar?q=olifant&afstand=2&plaats=Meppel")
    assert page.text("h2", id="resultaten-kop") == ["0 berichten gevonden bij Meppel"]
    assert "We hebben geen berichten gevonden." in " ".join(page.text("p"))
    assert page.link("Zoek in een groter gebied")


def test_a_post_page_shows_the_public_details(client, app):
    post = make_post(REQUEST, place="Nijeveen", title="Hulp met de computer", categories="computer-en-telefoon",
                     description="Mijn laptop doet raar.\nWie kijkt even?", when_kind="datum", is_example=True,
                     date_from=date(2031, 3, 12))
    page = get(client, f"/voor-elkaar/hulpvragen/{post.id}")
    text = " ".join(page.text("main"))
    assert page.text("h1") == ["Hulp met de computer"]
    for expected in ("Voorbeeld", "Computer en telefoon", "Nijeveen", "Op 12 maart 2031", "Mijn laptop doet raar.",
                     "De plek op de kaart is het midden van een gebied waar minstens 50 adressen liggen"):
        assert expected in text
    [map_div] = page.find("div", id="detail-kaart")
    assert (float(map_div["attrs"]["data-lat"]), float(map_div["attrs"]["data-lon"])) == post.public_point


def test_on_behalf_of_someone_shows_only_who_posted(client, app):
    post = make_post(REQUEST, title="Boodschappen voor mijn vader", behalf_name="Gerrit Jansen",
                     behalf_relation="mantelzorger")
    body = client.get(f"/voor-elkaar/hulpvragen/{post.id}").get_data(as_text=True)
    assert "Geplaatst door een mantelzorger" in body
    assert "Gerrit" not in body and "Jansen" not in body


def test_an_offer_page_shows_availability_and_travel_radius(client, posts):
    post = posts["aanbod_rogat"]
    text = " ".join(get(client, f"/voor-elkaar/hulpaanbod/{post.id}").text("main"))
    assert "dinsdagochtend" in text and "Komt tot 5 km ver" in text and "Hulpaanbod" in text


def test_closed_posts_are_nowhere_on_the_board(client, posts):
    closed = closed_posts()
    board = client.get("/voor-elkaar?q=niemand").get_data(as_text=True) + \
        client.get("/voor-elkaar/kaart").get_data(as_text=True)
    for post in closed:
        assert post.id not in board
        get(client, f"/voor-elkaar/{kind_path(post)}/{post.id}", status=404)


def test_a_post_lives_at_its_own_kind_and_unknown_ids_are_404(client, posts):
    get(client, f"/voor-elkaar/hulpaanbod/{posts['vraag_meppel'].id}", status=404)
    get(client, f"/voor-elkaar/hulpvragen/{posts['aanbod_meppel'].id}", status=404)
    get(client, "/voor-elkaar/hulpvragen/" + "x" * 500, status=404)


def test_a_pending_edit_shows_the_approved_version(client, posts):
    post = posts["vraag_nijeveen"]
    post.pending_changes = {"title": "Nieuwe titel die wacht", "description": "Nog niet gecontroleerd"}
    db.session.commit()
    body = client.get(f"/voor-elkaar/hulpvragen/{post.id}").get_data(as_text=True)
    body += client.get("/voor-elkaar").get_data(as_text=True)
    assert "Wie helpt bij het snoeien van de heg?" in body
    assert "Nieuwe titel" not in body and "Nog niet gecontroleerd" not in body


@pytest.mark.parametrize(("query", "message"), [
    ("pagina=abc", "Kies een pagina van 1 tot en met 1000."),
    ("pagina=0", "Kies een pagina van 1 tot en met 1000."),
    ("pagina=99999999999999999999", "Kies een pagina van 1 tot en met 1000."),
    ("afstand=1000&plaats=Meppel", "Ongeldige keuze."),
    ("afstand=5", "Vul ook een postcode of woonplaats in om op afstand te zoeken."),
    ("plaats=Nergenshuizen", "We kennen de plaats 'Nergenshuizen' niet."),
    ("plaats=Hoofdstraat", "De straat 'Hoofdstraat' ligt in meer plaatsen"),
    ("bij=garbage", "Uw locatie kon niet worden gelezen."),
    ("bij=10,10&afstand=5", "Uw locatie ligt buiten Nederland."),
    ("categorie=onzin", "'onzin' is een ongeldige keuze"),
    ("soort=onzin", "Ongeldige keuze."),
    ("q=" + "a" * 10_000, "Veld mag niet langer zijn dan 200 karakters."),
    ("plaats=" + "7" * 101, "Veld mag niet langer zijn dan 100 karakters."),
])
def test_bad_values_get_a_dutch_400_and_change_nothing(client, posts, query, message):
    count = db.session.scalar(select(func.count()).select_from(Post))
    response = client.get("/voor-elkaar?" + query)
    assert response.status_code == 400
    page = Page(response.get_data(as_text=True))
    assert message in " ".join(page.text("div", role="alert"))
    assert titles(page) == []
    markers = client.get("/voor-elkaar/kaart?" + query)
    assert markers.status_code == 400 and message in str(markers.get_json()["error"]["messages"])
    assert db.session.scalar(select(func.count()).select_from(Post)) == count


def test_the_page_has_one_h1_labelled_fields_and_no_inline_script(client, posts):
    page = get(client, "/voor-elkaar?q=boodschappen")
    assert len(page.find("h1")) == 1
    labelled = {e["attrs"].get("for") for e in page.find("label")}
    assert {"q", "plaats", "afstand"} <= labelled
    assert all("src" in e["attrs"] for e in page.find("script"))
    assert 'style="' not in page.html


def test_the_form_as_a_browser_sends_it_empty_lists_everything(client, posts):
    page = get(client, "/voor-elkaar?q=&soort=beide&plaats=&bij=&afstand=")
    assert len(titles(page)) == 4 and page.text("div", role="alert") == []
