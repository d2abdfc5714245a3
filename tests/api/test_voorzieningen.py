"""GET /api/v1/voorzieningen: a resident's own words near a place, filters, facets and bad input."""
import pytest
from sqlalchemy import func, select

from webapp.directory.models import Service
from webapp.extensions import db
from webapp.search.log import head
from webapp.search.vocabulary import read_shipped_groups as read_groups

API = "/api/v1/voorzieningen"


def names(response):
    return [item["name"] for item in response.get_json()["results"]]


def test_newcomers_question_puts_the_geldloket_on_top_with_its_distance(client, demo):
    response = client.get(API, query_string={"q": "ik kan mijn rekeningen niet betalen", "near": "7942"})
    assert response.status_code == 200
    top = response.get_json()["results"][0]
    assert top["name"] == "Geldloket Meppel"
    assert top["precision"] == "woonplaats"
    assert 0 < top["distance_km"] < 5
    assert top["url"].endswith(f"/api/v1/voorzieningen/{top['id']}")


def test_schulden_near_7941_finds_the_geldloket(client, demo):
    assert "Geldloket Meppel" in names(client.get(API, query_string={"q": "schulden", "near": "7941"}))


def test_result_fields_are_the_documented_envelope(client, demo):
    body = client.get(API, query_string={"q": "dementie"}).get_json()
    assert len(body["results"]) == min(body["total"], 20)
    assert set(body["results"][0]) == {"id", "slug", "name", "summary", "themes", "gemeente", "service_area", "lat",
                                       "lon", "precision", "remote_only", "closed_until", "notice", "distance_km",
                                       "url"}
    assert body["results"][0]["distance_km"] is None  # no place given


@pytest.mark.parametrize("word, expected", [
    ("hulp", "Schuldhulpverlening Steenwijkerland"),
    ("voedsel", "Voedselbank Tynaarlo"),
])
def test_a_part_of_a_compound_finds_the_compound(client, demo, word, expected):
    assert expected in names(client.get(API, query_string={"q": word, "page": 1}))[:20] or expected in _all_names(
        client, word)


def _all_names(client, word):
    found, page = [], 1
    while True:
        batch = names(client.get(API, query_string={"q": word, "page": page}))
        if not batch:
            return found
        found += batch
        page += 1


NOT_IN_THE_DEMO = {"pesten"}  # no demo voorziening is about bullying (README, "Woorden van de kaart")


def test_each_synonym_group_gives_the_same_top_result_for_each_of_its_words(client, demo):
    for group in (group for group in read_groups() if group[0] not in NOT_IN_THE_DEMO):
        tops = {word: names(client.get(API, query_string={"q": word}))[:1] for word in group}
        assert len({tuple(top) for top in tops.values()}) == 1, tops
        assert all(tops.values()), tops


def test_a_misspelling_still_finds_results_and_says_what_was_meant(client, demo):
    body = client.get(API, query_string={"q": "shulden"}).get_json()
    assert body["suggestion"] == "schulden"
    assert body["total"] > 0


def test_query_syntax_is_plain_text(client, demo):
    for text in ["title:geldloket", "*", "[a TO z]", 'hulp"', ")", "NEAR(", "hulp OR", "a'b", "kind:_meta"]:
        response = client.get(API, query_string={"q": text})
        assert response.status_code == 200, text
    assert names(client.get(API, query_string={"q": "title:geldloket"})) == names(
        client.get(API, query_string={"q": "title geldloket"}))
    assert names(client.get(API, query_string={"q": "[geld TO zorg]"})) == names(
        client.get(API, query_string={"q": "geld to zorg"}))


def test_without_words_a_place_orders_nearest_first(client, demo):
    results = client.get(API, query_string={"near": "Zuidlaren"}).get_json()["results"]
    distances = [item["distance_km"] for item in results if item["distance_km"] is not None]
    assert distances == sorted(distances)
    assert results[0]["gemeente"] == "Tynaarlo"


def test_with_words_relevance_first_and_distance_breaks_ties(client, demo):
    results = client.get(API, query_string={"q": "dorpshuizen", "near": "7941"}).get_json()["results"]
    assert results[0]["name"].startswith("Dorpshuizen") or results[0]["name"].startswith("Wijkgebouwen")


def test_radius_applies_only_when_asked(client, demo):
    everything = client.get(API, query_string={"q": "mantelzorg", "near": "7941"}).get_json()
    nearby = client.get(API, query_string={"q": "mantelzorg", "near": "7941", "radius_km": "10"}).get_json()
    assert 0 < nearby["total"] < everything["total"]
    assert all(item["distance_km"] <= 10 for item in nearby["results"])
    assert any(item["gemeente"] != "Meppel" for item in everything["results"])


def test_each_facet_count_equals_the_total_with_that_filter_added(client, demo):
    base = {"q": "hulp", "near": "7941"}
    facets = client.get(API, query_string=base).get_json()["facets"]
    assert facets["theme"] and facets["gemeente"] and facets["access"]
    for name, param in (("theme", "theme"), ("access", "access"), ("gemeente", "gemeente")):
        for value, count in facets[name].items():
            total = client.get(API, query_string={**base, param: value}).get_json()["total"]
            assert total == count, (name, value)
    narrowed = {**base, "theme": "geld-en-schulden"}
    for value, count in client.get(API, query_string=narrowed).get_json()["facets"]["theme"].items():
        total = client.get(API, query_string={**narrowed, "theme": ["geld-en-schulden", value]}).get_json()["total"]
        assert total == count, value


def test_an_entry_without_a_point_is_still_found_by_text_and_gemeente(client, app):
    from tests.factories import make_service
    make_service("Klussendienst Nergenshuis", gemeente="Meppel", point=None, description="klussen in huis")
    body = client.get(API, query_string={"q": "klussendienst", "gemeente": "Meppel", "near": "7941"}).get_json()
    assert [item["name"] for item in body["results"]] == ["Klussendienst Nergenshuis"]
    assert body["results"][0]["lat"] is None and body["results"][0]["distance_km"] is None


@pytest.mark.parametrize("params, parameter", [
    ({"q": "x" * 10_000}, "q"),
    ({"q": "geld", "near": "7941", "radius_km": "abc"}, "radius_km"),
    ({"q": "geld", "near": "7941", "radius_km": "1000"}, "radius_km"),
    ({"q": "geld", "near": "7941", "radius_km": "0"}, "radius_km"),
    ({"q": "geld", "near": "7941", "radius_km": "nan"}, "radius_km"),
    ({"q": "geld", "radius_km": "5"}, "radius_km"),
    ({"near": "xxxx"}, "near"),
    ({"page": "-1"}, "page"),
    ({"page": "abc"}, "page"),
    ({"page": "²"}, "page"),
    ({"page": "0"}, "page"),
    ({"page": "9" * 5000}, "page"),
    ({"theme": "bestaat-niet"}, "theme"),
    ({"access": "<script>"}, "access"),
    ({"open_now": "misschien"}, "open_now"),
])
def test_bad_parameters_get_a_dutch_400_and_change_nothing(client, demo, params, parameter):
    before = _state()
    response = client.get(API, query_string=params)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["parameter"] == parameter
    assert error["message"] and "<script>" not in response.get_data(as_text=True)
    assert _state() == before


def _state():
    return db.session.scalar(select(func.count()).select_from(Service)), head(db.session)


def test_one_voorziening_by_id(client, demo):
    first = client.get(API, query_string={"q": "odensehuis meppel"}).get_json()["results"][0]
    detail = client.get(f"{API}/{first['id']}").get_json()
    assert detail["name"] == "Odensehuis Meppel"
    assert detail["source"]["year"] == 2025
    assert detail["free_of_charge"] == "onbekend"  # nobody knows: never a default that states something false


@pytest.mark.parametrize("service_id", ["bestaat-niet", "x" * 500, "../../etc/passwd"])
def test_an_unknown_id_is_a_dutch_404(client, demo, service_id):
    response = client.get(f"{API}/{service_id}")
    assert response.status_code == 404
    assert response.get_json()["error"]["message"]


def test_stop_words_alone_get_no_made_up_suggestion(client, demo):
    body = client.get(API, query_string={"q": "de het een"}).get_json()
    assert "suggestion" not in body


def test_the_gemeente_filter_ignores_case(client, demo):
    upper = client.get(API, query_string={"q": "hulp", "gemeente": "Meppel"}).get_json()
    lower = client.get(API, query_string={"q": "hulp", "gemeente": "meppel"}).get_json()
    assert upper["total"] == lower["total"] > 0


def test_open_now_filters_and_counts_services_open_at_this_moment(client, app):
    from datetime import datetime, time, timedelta
    from tests.factories import make_service
    from webapp.directory.hours import AMSTERDAM
    from webapp.directory.models import Schedule
    now = datetime.now(AMSTERDAM)
    always = [Schedule(weekday=day, opens=time(0, 0), closes=time(0, 0)) for day in range(7)]  # round the clock
    make_service("Nachtloket Open", description="hulp bij geld", schedules=always)
    closed_day = (now + timedelta(days=1)).weekday()
    make_service("Dagloket Dicht", description="hulp bij geld",
                 schedules=[Schedule(weekday=closed_day, opens=time(9), closes=time(10))])
    make_service("Loket Onbekend", description="hulp bij geld")
    body = client.get(API, query_string={"q": "geld"}).get_json()
    assert body["facets"]["open_now"] == 1
    only_open = client.get(API, query_string={"q": "geld", "open_now": "ja"}).get_json()
    assert [item["name"] for item in only_open["results"]] == ["Nachtloket Open"]


def test_nearer_wins_between_equally_relevant_services_and_relevance_wins_over_distance(client, app):
    from tests.factories import make_service
    make_service("Klusbus Ver", description="klussen", point=(53.0, 6.55))             # Assen, ~40 km
    make_service("Klusbus Dichtbij", description="klussen", point=(52.70, 6.19))       # Meppel
    make_service("Tuinhulp", description="soms ook klussen in de tuin en rond het huis, met buren",
                 point=(52.70, 6.19))
    names_ = names(client.get(API, query_string={"q": "klusbus", "near": "7941"}))
    assert names_ == ["Klusbus Dichtbij", "Klusbus Ver"]
    ranked = names(client.get(API, query_string={"q": "klusbus klussen", "near": "7941"}))
    assert ranked.index("Klusbus Ver") < ranked.index("Tuinhulp")  # the name match beats a nearer mention


def test_a_compound_is_found_by_its_part_alone(client, app):
    from tests.factories import make_service
    from webapp.search.rebuild import reindex
    make_service("Voedselpakketpunt Zuid", description="Een pakket met eten voor wie weinig heeft.")
    reindex(app)  # the word list for compounds is built from the data at reindex
    assert names(client.get(API, query_string={"q": "voedsel"})) == ["Voedselpakketpunt Zuid"]
