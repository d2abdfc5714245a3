"""GET /api/v1/hulpvragen/<id>/suggesties: coördinatoren of the vraag's gemeente only, never private data."""
import pytest

from tests.factories import make_post

STATUS = {"inwoner": 403, "inwoner_b": 403, "coordinator": 200, "coordinator_elders": 403, "beheerder": 200,
          "beheerder_elders": 403, None: 401}


@pytest.fixture
def vraag(accounts):
    return make_post("hulpvraag", author=accounts["inwoner"], title="Hulp met mijn computer en e-mail",
                     categories="computer-en-telefoon")


@pytest.fixture
def aanbod(accounts):
    return make_post("hulpaanbod", author=accounts["inwoner_b"], title="Computerhulp, bel 06-12345678",
                     description="Ik help met uw computer.", categories="computer-en-telefoon", place="7942 AB",
                     travel_km=5, availability="za-middag", contact_phone="06-12345678")


def url(post_id):
    return f"/api/v1/hulpvragen/{post_id}/suggesties"


@pytest.mark.parametrize("name", list(STATUS))
def test_who_may_ask(client, login, vraag, aanbod, name):
    login(name)
    response = client.get(url(vraag.id))
    assert response.status_code == STATUS[name]
    assert response.is_json
    if response.status_code != 200:
        assert response.get_json()["error"]["status"] == STATUS[name]
        assert "results" not in response.get_json()


def test_the_answer_lists_the_aanbod_with_reasons_and_no_private_data(client, login, vraag, aanbod):
    login("coordinator")
    body = client.get(url(vraag.id)).get_json()
    assert body["total"] == 1
    [result] = body["results"]
    assert set(result) == {"id", "title", "categories", "woonplaats", "distance_km", "score", "reasons"}
    assert result["id"] == aanbod.id
    assert result["title"] == "Computerhulp, bel [verborgen]"
    assert result["categories"] == ["computer-en-telefoon"]
    assert result["woonplaats"] == "Meppel"
    assert result["distance_km"] == 0.5
    assert 0 < result["score"] <= 1
    assert result["reasons"] == ["de tekst past erbij", "zelfde categorie", "0,5 km", "kan op zaterdag"]
    raw = client.get(url(vraag.id)).get_data(as_text=True)
    for private in ("06-12345678", str(aanbod.latitude), str(aanbod.longitude), aanbod.place_text):
        assert private not in raw


def test_unknown_and_not_open_vragen_are_404(client, login, accounts, aanbod):
    concept = make_post("hulpvraag", author=accounts["inwoner"], status="wacht_op_controle")
    login("coordinator")
    for post_id in ("onbekend", concept.id, aanbod.id):
        response = client.get(url(post_id))
        assert response.status_code == 404 and response.get_json()["error"]["status"] == 404
