"""Never a dead end: the gemeente's way in on a voorziening without contact and on every search without results;
Voor elkaar and the phone intake offered there; the demo's ways in with their sources; "Zorgen om iemand?"."""
import re

from tests.factories import make_service
from webapp.directory.contacts_demo import load_gemeente_contacts
from webapp.directory.gemeente_contacts import contact_for
from webapp.extensions import db

DEMO_NUMBERS = {"Meppel": ("14 0522", "https://www.meppel.nl"),
                "Steenwijkerland": ("14 0521", "https://www.steenwijkerland.nl"),
                "Tynaarlo": ("14 0592", "https://www.tynaarlo.nl"),
                "Gooise Meren": ("14 035", "https://www.gooisemeren.nl")}
WAY_IN_MEPPEL = "Vragen? Bel de gemeente Meppel: 14 0522"


def text(response):
    """The page as a reader sees it: tags gone, spaces collapsed."""
    html = response.get_data(as_text=True)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" :", ":")


def main(response):
    html = response.get_data(as_text=True)
    return html[html.index('id="inhoud"'):html.index("</main>")]


def test_the_demo_gives_each_gemeente_its_number_and_website_with_sources_and_nothing_made_up(demo):
    for gemeente, (phone, website) in DEMO_NUMBERS.items():
        contact = contact_for(gemeente)
        assert (contact.phone, contact.website) == (phone, website)
        assert contact.phone_source == "landelijk nummer 14 + netnummer van de gemeente"
        assert contact.website_source == f"de website van de gemeente {gemeente}"
        assert (contact.address, contact.opening_hours, contact.last_checked_on) == (None, None, None)


def test_a_demo_contact_changed_by_a_beheerder_is_not_loaded_over(demo):
    contact_for("Meppel").opening_hours = "maandag tot en met vrijdag"
    db.session.commit()
    assert load_gemeente_contacts() == (3, 1)
    db.session.expire_all()
    assert contact_for("Meppel").opening_hours == "maandag tot en met vrijdag"


def test_a_voorziening_without_contact_points_to_its_gemeente(demo, client):
    page = text(client.get("/voorzieningen/geldloket-meppel"))
    assert "Telefoon, e-mail en website: onbekend." in page
    assert WAY_IN_MEPPEL in page and 'href="tel:140522"' in client.get("/voorzieningen/geldloket-meppel").text
    assert "https://www.meppel.nl" in client.get("/voorzieningen/geldloket-meppel").text
    assert "Bron telefoonnummer: landelijk nummer 14 + netnummer van de gemeente." in page
    assert "Nog niet gecontroleerd." in page


def test_a_voorziening_with_its_own_phone_does_not(demo, client):
    make_service("Buurthuis De Poort", slug="buurthuis-de-poort", phone="0522 111 111")
    page = text(client.get("/voorzieningen/buurthuis-de-poort"))
    assert "0522 111 111" in page and WAY_IN_MEPPEL not in page


def test_a_search_without_results_offers_the_gemeente_of_the_place_voor_elkaar_and_the_phone(demo, client):
    response = client.get("/zoeken", query_string={"q": "boodschappen", "plaats": "Kolderveen"})
    page = text(response)
    assert "0 voorzieningen gevonden" in page
    assert WAY_IN_MEPPEL in page and "14 0521" not in page  # the place's gemeente only
    assert "Vraag het iemand in de buurt" in page and 'href="/voor-elkaar/hulpvraag/nieuw"' in response.text
    assert "Bel de gemeente. Een coördinator kan dan een hulpvraag voor u plaatsen." in page
    assert "Direct hulp nodig?" in page


def test_a_search_without_results_and_without_place_offers_every_gemeente(demo, client):
    page = text(client.get("/zoeken", query_string={"q": "zzzqqq"}))
    assert all(phone in page for phone, _website in DEMO_NUMBERS.values())
    page = text(client.get("/zoeken", query_string={"q": "zzzqqq", "gemeente": "Tynaarlo"}))
    assert "Vragen? Bel de gemeente Tynaarlo: 14 0592" in page and "14 0522" not in page


def test_a_theme_without_results_is_not_a_dead_end(demo, client):
    response = client.get("/thema/wonen", query_string={"q": "zzzqqq", "gemeente": "Steenwijkerland"})
    page = text(response)
    assert "0 voorzieningen gevonden" in page
    assert "Vragen? Bel de gemeente Steenwijkerland: 14 0521" in page
    assert "Vraag het iemand in de buurt" in page and "Direct hulp nodig?" in page


def test_a_search_with_results_shows_neither_way_in_nor_safety_net(demo, client):
    page = text(client.get("/zoeken", query_string={"q": "schulden", "plaats": "7941"}))
    assert "Geldloket Meppel" in page
    assert "Vraag het de gemeente" not in page and "Direct hulp nodig?" not in page


def test_zorgen_om_iemand_asks_the_gemeente_and_shows_the_routes_for_each(demo, client):
    index = client.get("/zorgen-om-iemand")
    links = re.findall(r'href="(/zorgen-om-iemand/[^"]+)"', index.text)
    assert sorted(links) == ["/zorgen-om-iemand/gooise-meren", "/zorgen-om-iemand/meppel",
                             "/zorgen-om-iemand/steenwijkerland", "/zorgen-om-iemand/tynaarlo"]
    teams = {}
    for link in links:
        response = client.get(link)
        page = text(response)
        gemeente = page.split("Zorgen om iemand in ")[1].split("?")[0]
        assert DEMO_NUMBERS[gemeente][0] in page and DEMO_NUMBERS[gemeente][1] in response.text
        assert "Veilig Thuis" in page and "0800-2000" in page and "huisarts" in page and "112" in page
        assert "<form" not in main(response)  # it collects nothing about the other person
        teams[gemeente] = re.findall(r'href="/voorzieningen/([^"]+)"', main(response))
    assert teams == {"Meppel": ["wijkteams-meppel"], "Tynaarlo": ["sociale-teams-tynaarlo"],
                     "Steenwijkerland": ["integraal-gebiedsteam-steenwijkerland"],
                     "Gooise Meren": ["uitvoeringsdienst-sociaal-domein-usd"]}
    assert client.get("/zorgen-om-iemand/nergenshuizen").status_code == 404


def test_zorgen_om_iemand_without_a_team_on_the_kaart_says_so(client):
    make_service("Buurthuis De Poort", gemeente="Meppel")
    page = text(client.get("/zorgen-om-iemand/meppel"))
    assert "Op de kaart staat geen wijkteam van de gemeente Meppel." in page
    assert "De contactgegevens van de gemeente Meppel staan nog niet op deze site." in page


def test_every_page_links_to_zorgen_om_iemand_in_its_footer(client):
    for url in ("/", "/zoeken", "/privacy", "/inloggen", "/bestaat-niet"):
        html = client.get(url).text
        footer = html[html.index("<footer"):]
        assert 'href="/zorgen-om-iemand"' in footer, url
