"""The coördinator pages: who may see them, what they show, and the one-click proposal form."""
import pytest

from tests.factories import make_post
from tests.suggestions.conftest import offer

ALLOWED = {"coordinator", "beheerder"}
NAMES = ["inwoner", "inwoner_b", "coordinator", "coordinator_elders", "beheerder", "beheerder_elders", None]


def expected(name, ok):
    if name is None:
        return 302
    return ok if name in ALLOWED else 403


@pytest.mark.parametrize("name", NAMES)
def test_who_may_see_the_suggestions_of_a_vraag(client, login, vraag, accounts, name):
    login(name)
    response = client.get(f"/coordinator/hulpvragen/{vraag.id}/suggesties")
    assert response.status_code == expected(name, 200)
    if name is None:
        assert "/inloggen" in response.headers["Location"]


@pytest.mark.parametrize("name", NAMES)
def test_who_may_see_the_suggestions_of_an_aanbod(client, login, accounts, name):
    aanbod = offer(accounts["inwoner"])
    login(name)
    response = client.get(f"/coordinator/hulpaanbod/{aanbod.id}/suggesties")
    assert response.status_code == expected(name, 200)


@pytest.mark.parametrize("name", NAMES)
def test_who_may_refer(client, login, vraag, name):
    login(name)
    response = client.post(f"/coordinator/hulpvragen/{vraag.id}/doorverwijzen", data={"service_id": "onbekend"})
    assert response.status_code == expected(name, 400)


@pytest.mark.parametrize("path", ["/coordinator/hulpvragen/{}/suggesties", "/coordinator/hulpaanbod/{}/suggesties"])
def test_unknown_posts_concepts_and_the_wrong_kind_are_404(client, login, vraag, accounts, path):
    concept = make_post("hulpvraag", author=accounts["inwoner"], status="concept")
    aanbod = offer(accounts["inwoner_b"])
    login("coordinator")
    wrong_kind = aanbod if "hulpvragen" in path else vraag
    for post_id in ["onbekend", concept.id, wrong_kind.id]:
        assert client.get(path.format(post_id)).status_code == 404
    right_kind = vraag if "hulpvragen" in path else aanbod
    assert client.get(path.format(right_kind.id)).status_code == 200


def test_the_vraag_page_shows_the_post_the_ranked_list_and_a_proposal_form(client, login, vraag, accounts):
    vraag.description = "Bel mij op 06-12345678 over mijn laptop."
    computer = offer(accounts["inwoner_b"], title="Computerhulp, mail piet@example.org", travel_km=5)
    login("coordinator")
    page = client.get(f"/coordinator/hulpvragen/{vraag.id}/suggesties").get_data(as_text=True)
    assert "Bel mij op 06-12345678" in page  # the coördinator sees the full text
    assert "Meppel" in page
    assert "Computerhulp, mail [verborgen]" in page and "piet@example.org" not in page
    assert "Waarom:</strong> de tekst past erbij, zelfde categorie, 0,5 km, kan op zaterdag" in page
    assert 'action="/coordinator/koppelingen/voorstellen"' in page
    assert f'name="request_id" value="{vraag.id}"' in page
    assert f'name="offer_id" value="{computer.id}"' in page
    assert "Vraag de helper" in page
    for private in (str(computer.latitude), str(computer.longitude), computer.place_text):
        assert private not in page


def test_the_aanbod_page_proposes_with_the_vraag_as_request(client, login, vraag, accounts):
    aanbod = offer(accounts["inwoner_b"], title="Computerhulp")
    login("coordinator")
    page = client.get(f"/coordinator/hulpaanbod/{aanbod.id}/suggesties").get_data(as_text=True)
    assert vraag.title in page
    assert f'name="request_id" value="{vraag.id}"' in page and f'name="offer_id" value="{aanbod.id}"' in page


def test_a_page_without_suggestions_says_so(client, login, vraag):
    login("coordinator")
    page = client.get(f"/coordinator/hulpvragen/{vraag.id}/suggesties").get_data(as_text=True)
    assert "Er is nu geen open hulpaanbod dat past bij deze vraag." in page
    assert "Vraag de helper" not in page


def test_stel_voor_aan_beide_proposes_the_pair_and_it_leaves_the_list(client, login, vraag, accounts):
    from sqlalchemy import select

    from webapp.extensions import db
    from webapp.matching.models import Match

    aanbod = offer(accounts["inwoner_b"], title="Computerhulp")
    login("coordinator")
    page = client.get(f"/coordinator/hulpvragen/{vraag.id}/suggesties").get_data(as_text=True)
    action = page.split('name="request_id"', 1)[0].rsplit('<form method="post" action="', 1)[1].split('"', 1)[0]
    assert action == "/coordinator/koppelingen/voorstellen"
    response = client.post(action, data={"request_id": vraag.id, "offer_id": aanbod.id})
    assert response.status_code == 302
    [match] = db.session.scalars(select(Match)).all()
    assert (match.request_id, match.offer_id, match.helper_id) == (vraag.id, aanbod.id, accounts["inwoner_b"].id)
    page = client.get(f"/coordinator/hulpvragen/{vraag.id}/suggesties").get_data(as_text=True)
    assert "Computerhulp" not in page
