"""Wijken: beheerders enter names with PC6 postcodes (or a CSV); then residents search by wijk name and the
dashboard counts per wijk. The sample CSV (tests/geo/wijken_sample.csv) is test data, not Meppel's real wijken."""
import io
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.dashboard.helpers import as_dicts, html_tables
from tests.factories import make_post, make_service
from webapp import geo
from webapp.extensions import db
from webapp.geo.models import District, DistrictPostcode

SAMPLE = Path(__file__).with_name("wijken_sample.csv")


def upload(client, text, gemeente="Meppel"):
    return client.post("/beheer/wijken/import", data={"csv_gemeente": gemeente,
                                                       "bestand": (io.BytesIO(text.encode()), "wijken.csv")},
                       content_type="multipart/form-data")


def count_rows():
    return (db.session.scalar(select(func.count()).select_from(District)),
            db.session.scalar(select(func.count()).select_from(DistrictPostcode)))


def test_a_wijk_name_is_unknown_until_the_gemeente_loads_its_wijken_then_search_finds_near_it(login, client):
    near = make_service("Buurthuis Haveltermade", point=(52.6815, 6.1870), precision="adres")
    far = make_service("Dorpshuis Nijeveen", point=(52.7300, 6.1650), precision="adres")
    before = client.get("/zoeken", query_string={"plaats": "Haveltermade"}).text
    assert "We kennen de plaats" in before and "Haveltermade" in before
    login("beheerder")
    response = upload(client, SAMPLE.read_text())
    assert response.status_code == 302 and count_rows() == (2, 5)
    page = client.get("/zoeken", query_string={"plaats": "Haveltermade"}).text
    assert "bij wijk Haveltermade (Meppel)" in page
    assert page.index(near.name) < page.index(far.name)
    place = geo.locate("wijk haveltermade")
    assert place.gemeente == "Meppel" and geo.distance_km(place.point, (52.6818, 6.1872)) < 0.5
    assert geo.locate("Oosterboer, Meppel").label == "wijk Oosterboer (Meppel)"
    assert geo.locate("7941 AB").label != "wijk Oosterboer (Meppel)"  # postcodes still go to the gazetteer


def test_a_beheerder_enters_a_wijk_by_hand_and_the_same_name_replaces_its_postcodes(login, client):
    login("beheerder")
    response = client.post("/beheer/wijken", data={"gemeente": "Meppel", "name": "Oosterboer", "kind": "wijk",
                                                   "postcodes": "7943 AA, 7943ab\n7943AC"})
    assert response.status_code == 302
    client.post("/beheer/wijken", data={"gemeente": "Meppel", "name": "oosterboer", "kind": "wijk",
                                        "postcodes": "7943 AA"})
    [district] = db.session.scalars(select(District)).all()
    assert [row.postcode for row in district.postcodes] == ["7943AA"]
    page = client.get("/beheer/wijken").text
    assert "Oosterboer" in page and "7943AA" in page


@pytest.mark.parametrize("postcodes, message", [
    ("7943 AA, 12345", "Dit zijn geen postcodes zoals 7941 AB: 12345"),
    ("1000 AA", "Deze postcodes kennen we niet: 1000 AA"),
    ("", "Vul de postcodes van de wijk in"),
])
def test_wrong_postcodes_are_refused_with_a_dutch_message_and_nothing_is_saved(login, client, postcodes, message):
    login("beheerder")
    response = client.post("/beheer/wijken", data={"gemeente": "Meppel", "name": "Oosterboer", "kind": "wijk",
                                                   "postcodes": postcodes})
    assert response.status_code == 200 and message in response.text
    assert count_rows() == (0, 0)


def test_a_postcode_belongs_to_one_wijk_and_a_file_with_one_bad_row_saves_nothing(login, client):
    login("beheerder")
    upload(client, SAMPLE.read_text())
    taken = client.post("/beheer/wijken", data={"gemeente": "Meppel", "name": "Nieuwveense Landen", "kind": "wijk",
                                                "postcodes": "7944 AA"})
    assert "Deze postcodes horen al bij een andere wijk: 7944 AA" in taken.text
    bad = upload(client, "naam;postcode\nSuydevelt;7942 AA\nSuydevelt;kapot\n")
    assert "Rij 3: Dit zijn geen postcodes zoals 7941 AB: KAPOT" in bad.text
    no_columns = upload(client, "wijk;pc\nSuydevelt;7942 AA\n")
    assert "de kolommen &#39;naam&#39; en &#39;postcode&#39;" in no_columns.text
    assert count_rows() == (2, 5)
    buurt = client.post("/beheer/wijken", data={"gemeente": "Meppel", "name": "Haveltermade-Noord", "kind": "buurt",
                                                "postcodes": "7944 AA"})
    assert buurt.status_code == 302  # a buurt lies inside a wijk


def test_only_the_gemeentes_beheerders_may_change_its_wijken(login, client):
    login("coordinator")
    assert client.get("/beheer/wijken").status_code == 403
    login("beheerder_elders")
    refused = client.post("/beheer/wijken", data={"gemeente": "Meppel", "name": "Oosterboer", "kind": "wijk",
                                                  "postcodes": "7943 AA"})
    assert refused.status_code == 200 and count_rows() == (0, 0)  # Meppel is not one of the choices
    login("beheerder")
    upload(client, SAMPLE.read_text())
    district = db.session.scalar(select(District).where(District.name == "Oosterboer"))
    login("beheerder_elders")
    assert client.post(f"/beheer/wijken/{district.id}/verwijderen").status_code == 403
    login("beheerder")
    assert client.post(f"/beheer/wijken/{district.id}/verwijderen").status_code == 302
    assert count_rows() == (1, 3)


def test_the_dashboard_counts_vragen_and_aanbod_per_wijk(login, client, accounts):
    login("coordinator")
    assert "De gemeente heeft nog geen wijken ingevoerd" in client.get("/coordinator/dashboard").text
    make_post("hulpvraag", author=accounts["inwoner"], place="7944 AB")
    make_post("hulpaanbod", author=accounts["inwoner_b"], place="7944 AC")
    make_post("hulpvraag", author=accounts["inwoner"], place="7943 AB")
    make_post("hulpvraag", author=accounts["inwoner"], place="Nijeveen")
    login("beheerder")
    upload(client, SAMPLE.read_text())
    login("coordinator")
    [by_wijk] = [table for table in html_tables(client.get("/coordinator/dashboard"))
                 if table[0][0] == "Wijk"]
    counts = as_dicts(by_wijk)
    assert (counts["Haveltermade"]["Vragen"], counts["Haveltermade"]["Aanbod"]) == ("1", "1")
    assert counts["Oosterboer"]["Vragen"] == "1"
    assert counts["Niet in een ingevoerde wijk"]["Vragen"] == "1"
