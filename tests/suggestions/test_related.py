"""Professional help next to a vraag: only in the asker's werkgebied, only good fits, never on the public page."""
import pytest

from tests.factories import make_post
from webapp.directory.related import related_services

HEADING = "Professionele hulp die past bij deze vraag"
ELSEWHERE = ("Zuidlaren", "Tynaarlo", "Steenwijkerland", "Gooise Meren")


def boodschappen_vraag(author):
    return make_post("hulpvraag", author=author, place="7941 AL", categories="boodschappen",
                     title="Wie doet wekelijks boodschappen met mij?",
                     description="Ik loop slecht sinds een operatie aan mijn heup. Wie wil op vrijdag met mij naar de "
                                 "supermarkt in het centrum? Ik betaal zelf de boodschappen.")


def bills_vraag(author, place="7941 AL"):
    return make_post("hulpvraag", author=author, place=place, categories="administratie-en-formulieren",
                     title="Ik kan mijn rekeningen niet betalen", description="Er komen steeds meer brieven.")


def test_boodschappen_in_meppel_gets_no_voorziening_from_elsewhere_nor_a_weak_one(demo, client, login, accounts):
    vraag = boodschappen_vraag(accounts["inwoner"])
    assert vraag.gemeente == "Meppel"
    assert related_services(vraag) == []       # a neighbour's help: no archive, no schuldhulp, no Zuidlaren
    login("inwoner")
    page = client.get(f"/voor-elkaar/mijn/{vraag.id}").get_data(as_text=True)
    assert HEADING not in page
    assert not any(name in page for name in ELSEWHERE)


def test_the_askers_own_page_shows_only_voorzieningen_for_their_gemeente(demo, client, login, accounts):
    vraag = bills_vraag(accounts["inwoner"])
    found = related_services(vraag)
    assert found and all("meppel" in {n.casefold() for n in service.service_area} for service in found)
    login("inwoner")
    page = client.get(f"/voor-elkaar/mijn/{vraag.id}").get_data(as_text=True)
    assert HEADING in page and "Geldloket Meppel" in page
    assert not any(f"{name}</a>" in page for name in ("Startpunt Geldzaken Tynaarlo",
                                                      "Schuldhulpverlening Steenwijkerland",
                                                      "Schuldhulpverlening Gooise Meren"))


def test_elsewhere_the_same_text_finds_that_gemeentes_own(demo, accounts):
    vraag = bills_vraag(accounts["inwoner"], place="Zuidlaren")
    names = [service.name for service in related_services(vraag)]
    assert "Startpunt Geldzaken Tynaarlo" in names and "Geldloket Meppel" not in names


@pytest.mark.parametrize("who", [None, "inwoner", "coordinator"])
def test_the_public_vraag_page_never_shows_professional_help(demo, client, login, accounts, who):
    vraag = bills_vraag(accounts["inwoner"])
    login(who)
    page = client.get(f"/voor-elkaar/hulpvragen/{vraag.id}").get_data(as_text=True)
    assert vraag.title in page
    assert HEADING not in page and "Geldloket Meppel" not in page


def test_the_coordinator_sees_them_on_the_suggestions_page(demo, client, login, accounts):
    vraag = bills_vraag(accounts["inwoner"])
    login("coordinator")
    page = client.get(f"/coordinator/hulpvragen/{vraag.id}/suggesties").get_data(as_text=True)
    assert HEADING in page and "Geldloket Meppel" in page and "Startpunt Geldzaken Tynaarlo</a>" not in page
