"""Only the author (or a coördinator acting for them) reaches a post's own pages; anonymous visitors log in."""
import pytest

from tests.factories import make_post
from tests.posts.helpers import reload, request_form
from webapp.posts.vocab import CONCEPT, OPEN, REQUEST

OWN_PAGES = [("get", ""), ("get", "/bewerken"), ("post", "/bewerken"), ("post", "/indienen"), ("post", "/intrekken"),
             ("post", "/verlengen")]


@pytest.mark.parametrize("method, suffix", OWN_PAGES)
@pytest.mark.parametrize("status", [CONCEPT, OPEN])
def test_another_resident_gets_403_and_nothing_changes(client, login, accounts, method, suffix, status):
    post = make_post(REQUEST, author=accounts["inwoner"], status=status, title="Van de buurvrouw")
    login("inwoner_b")
    response = getattr(client, method)(f"/voor-elkaar/mijn/{post.id}{suffix}", data=request_form(title="Gekaapt"))
    assert response.status_code == 403
    post = reload(post)
    assert (post.status, post.title, post.pending_changes) == (status, "Van de buurvrouw", None)


@pytest.mark.parametrize("name", ["coordinator", "beheerder"])
def test_staff_not_acting_for_the_author_get_403(client, login, accounts, name):
    post = make_post(REQUEST, author=accounts["inwoner"])
    login(name)
    assert client.get(f"/voor-elkaar/mijn/{post.id}").status_code == 403


@pytest.mark.parametrize("method, suffix", OWN_PAGES)
def test_an_unknown_post_is_404(client, login, method, suffix):
    login("inwoner")
    assert getattr(client, method)(f"/voor-elkaar/mijn/bestaat-niet{suffix}").status_code == 404


@pytest.mark.parametrize("method, path", [("get", "/voor-elkaar/hulpvraag/nieuw"), ("post", "/voor-elkaar/hulpvraag/nieuw"),
                                          ("get", "/voor-elkaar/hulpaanbod/nieuw"), ("get", "/voor-elkaar/mijn"),
                                          ("get", "/voor-elkaar/mijn/x"), ("post", "/voor-elkaar/mijn/x/intrekken")])
def test_anonymous_visitors_are_sent_to_the_login_page(client, login, method, path):
    login(None)
    response = getattr(client, method)(path, data=request_form())
    assert response.status_code == 302 and "/inloggen" in response.location


def test_others_posts_are_not_on_my_page(client, login, accounts):
    make_post(REQUEST, author=accounts["inwoner"], title="Van de buurvrouw")
    login("inwoner_b")
    assert "Van de buurvrouw" not in client.get("/voor-elkaar/mijn").get_data(as_text=True)


def test_actions_need_a_csrf_token(csrf_client, accounts):
    from tests.conftest import PASSWORD, ROLE_ACCOUNTS
    post = make_post(REQUEST, author=accounts["inwoner"])
    page = csrf_client.get("/inloggen").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    csrf_client.post("/inloggen", data={"email": ROLE_ACCOUNTS["inwoner"][0], "password": PASSWORD,
                                        "csrf_token": token})
    assert csrf_client.post(f"/voor-elkaar/mijn/{post.id}/intrekken").status_code == 400
    assert reload(post).status == OPEN
