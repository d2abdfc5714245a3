"""GET /api/v1/hulpvragen and /api/v1/hulpaanbod: open posts, public fields, ISO dates, filters and bad input."""
from datetime import date, datetime

import pytest

from tests.board.helpers import board_posts, closed_posts, kind_path
from tests.factories import make_post
from webapp.posts.vocab import REQUEST

COMMON = {"id", "type", "title", "description", "categories", "woonplaats", "gemeente", "point", "point_precision",
          "published_at", "expires_at", "is_example", "url"}
REQUEST_FIELDS = COMMON | {"when", "date_from", "date_until", "when_note", "posted_by"}
OFFER_FIELDS = COMMON | {"availability", "travel_km"}


@pytest.fixture
def posts(app):
    return board_posts()


def result_ids(response):
    assert response.status_code == 200, response.get_json()
    return [item["id"] for item in response.get_json()["results"]]


def test_the_envelope_and_the_public_fields_of_a_vraag(client, app):
    post = make_post(REQUEST, place="Nijeveen", title="Tuin", categories="tuin", when_kind="periode",
                     date_from=date(2031, 5, 1), date_until=date(2031, 5, 31))
    body = client.get("/api/v1/hulpvragen").get_json()
    assert (body["total"], body["page"]) == (1, 1)
    [item] = body["results"]
    assert set(item) == REQUEST_FIELDS
    assert item["id"] == post.id and item["type"] == "hulpvraag" and item["categories"] == ["tuin"]
    assert (item["woonplaats"], item["gemeente"]) == ("Nijeveen", "Meppel")
    assert item["point"] == {"lat": post.public_point[0], "lon": post.public_point[1]}
    assert item["point_precision"] == "k-anoniem"
    assert (item["date_from"], item["date_until"], item["when"]) == ("2031-05-01", "2031-05-31", "periode")
    assert item["url"] == f"http://buurtkaart.test/voor-elkaar/hulpvragen/{post.id}"
    assert client.get(f"/api/v1/hulpvragen/{post.id}").get_json() == item


def test_dates_are_iso_8601_with_a_time_zone(client, posts):
    for item in client.get("/api/v1/hulpaanbod").get_json()["results"]:
        assert set(item) == OFFER_FIELDS
        published, expires = (datetime.fromisoformat(item[name]) for name in ("published_at", "expires_at"))
        assert published.tzinfo is not None and (expires - published).days == 56


def test_the_filters_are_those_of_the_board(client, posts):
    assert result_ids(client.get("/api/v1/hulpvragen?q=boodschappen")) == [posts["vraag_meppel"].id]
    assert result_ids(client.get("/api/v1/hulpaanbod?categorie=tuin&categorie=computer-en-telefoon")) == [
        posts["aanbod_meppel"].id]
    assert result_ids(client.get("/api/v1/hulpvragen?near=Nijeveen&radius_km=2")) == [posts["vraag_nijeveen"].id]
    assert result_ids(client.get("/api/v1/hulpvragen?gemeente=tynaarlo")) == []
    assert len(result_ids(client.get("/api/v1/hulpvragen?gemeente=meppel"))) == 2


def test_distances_only_with_a_place_and_in_half_kilometres(client, posts):
    assert all("distance_km" not in item for item in client.get("/api/v1/hulpaanbod").get_json()["results"])
    items = client.get("/api/v1/hulpaanbod?near=Nijeveen").get_json()["results"]
    assert [item["distance_km"] for item in items] == sorted(item["distance_km"] for item in items)
    assert all(item["distance_km"] % 0.5 == 0 and item["distance_km"] > 0 for item in items)


def test_pages_of_twenty(client, app):
    made = [make_post(REQUEST, title=f"Vraag {n}") for n in range(23)]
    first, second = (client.get(f"/api/v1/hulpvragen?page={n}").get_json() for n in (1, 2))
    assert (first["total"], len(first["results"]), len(second["results"]), second["page"]) == (23, 20, 3, 2)
    assert {i["id"] for i in first["results"] + second["results"]} == {p.id for p in made}


def test_closed_posts_are_not_in_the_api(client, posts):
    closed = closed_posts()
    listed = client.get("/api/v1/hulpvragen").get_data(as_text=True) + \
        client.get("/api/v1/hulpaanbod").get_data(as_text=True)
    for post in closed:
        assert post.id not in listed
        response = client.get(f"/api/v1/{kind_path(post)}/{post.id}")
        assert response.status_code == 404 and response.get_json()["error"]["status"] == 404


def test_a_post_is_404_under_the_other_kind(client, posts):
    assert client.get(f"/api/v1/hulpaanbod/{posts['vraag_meppel'].id}").status_code == 404
    assert client.get("/api/v1/hulpvragen/bestaat-niet").status_code == 404


@pytest.mark.parametrize(("query", "parameter", "message"), [
    ("radius_km=abc&near=Meppel", "radius_km", "'radius_km' moet een getal zijn"),
    ("radius_km=5", "radius_km", "Geef bij een afstand ook een postcode of woonplaats op."),
    ("page=0", "page", "'page' moet een heel getal zijn"),
    ("categorie=onzin", "categorie", "Onbekende waarde voor 'categorie'."),
    ("near=Nergenshuizen", "near", "We kennen de plaats 'Nergenshuizen' niet."),
    ("q=" + "a" * 500, "q", "'q' is te lang"),
])
def test_bad_parameters_are_a_dutch_400(client, posts, query, parameter, message):
    for path in ("/api/v1/hulpvragen", "/api/v1/hulpaanbod"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400
        error = response.get_json()["error"]
        assert error["parameter"] == parameter and message in error["message"]
