"""Every matching route as every kind of visitor: the two sides, another inwoner, coördinatoren and beheerders
of this and another gemeente, and anonymous visitors (sent to the login page)."""
import pytest

from tests.factories import make_post
from tests.matching.conftest import FIRST_MESSAGE
from webapp.accounts.intake import create_intake_account
from webapp.extensions import db
from webapp.matching import services
from webapp.matching.models import ACCEPTED, CANCELLED, COMPLETED, CONFIRMED, PROPOSED, Match

ROLES = ("asker", "helper", "other", "coordinator", "coordinator_elders", "beheerder", "beheerder_elders", None)
SIDES = {"asker", "helper"}
MEPPEL = {"coordinator", "beheerder"}  # a beheerder has coördinator rights in their own gemeente
LOGGED_IN = set(ROLES) - {None}

# route name -> (status the match needs, method, path after /voor-elkaar/mijn/gesprekken/<id>, form, who may)
MATCH_ROUTES = {
    "conversation": (PROPOSED, "GET", "", {}, SIDES | MEPPEL),
    "message": (PROPOSED, "POST", "", {"message": "Tot dinsdag"}, SIDES | MEPPEL),
    "accept": (PROPOSED, "POST", "/accepteren", {}, {"asker"}),
    "withdraw": (ACCEPTED, "POST", "/intrekken", {}, SIDES),
    "complete": (CONFIRMED, "POST", "/afronden", {"verdict": "goed"}, SIDES | MEPPEL),
    "confirm": (ACCEPTED, "POST", "confirm", {}, MEPPEL),
    "cancel": (CONFIRMED, "POST", "cancel", {"reason": "Dubbel"}, MEPPEL),
}
EXPECTED_STATUS = {"accept": ACCEPTED, "withdraw": CANCELLED, "complete": COMPLETED, "confirm": CONFIRMED,
                   "cancel": CANCELLED}


def _url(match, path):
    if path in ("confirm", "cancel"):
        return f"/coordinator/koppelingen/{match.id}/{ {'confirm': 'bevestigen', 'cancel': 'annuleren'}[path] }"
    return f"/voor-elkaar/mijn/gesprekken/{match.id}{path}"


@pytest.mark.parametrize("route", MATCH_ROUTES)
def test_match_routes_for_every_visitor(app, client, people, make_match, log_in, route):
    status, method, path, form, allowed = MATCH_ROUTES[route]
    for role in ROLES:
        match = make_match(status, request=make_post("hulpvraag", author=people["asker"]))
        log_in(role)
        response = client.open(_url(match, path), method=method, data=form)
        db.session.expire_all()
        if role is None:
            assert response.status_code == 302 and "/inloggen" in response.location, role
        elif role in allowed:
            assert response.status_code == (200 if method == "GET" else 302), (role, response.status_code)
            assert match.status == EXPECTED_STATUS.get(route, status), role
        else:
            assert response.status_code == 403, (role, response.status_code)
            assert match.status == status and len(match.messages) == 1, role


@pytest.mark.parametrize("kind, path", [("hulpvraag", "hulpvragen"), ("hulpaanbod", "hulpaanbod")])
def test_react_pages_for_every_visitor(app, client, people, log_in, vraag, kind, path):
    """Only the asker (who has an open vraag) gets a form on an aanbod; nobody on their own post."""
    author = people["asker"] if kind == "hulpvraag" else people["helper"]
    post = make_post(kind, author=author)
    for role in ROLES:
        log_in(role)
        response = client.get(f"/voor-elkaar/{path}/{post.id}/reageren")
        if role is None:
            assert response.status_code == 302 and "/inloggen" in response.location
            continue
        body = response.get_data(as_text=True)
        assert response.status_code == 200, role
        own = people[role].id == author.id
        assert ("Dit is uw eigen bericht" in body) == own, role
        assert ('name="message"' in body) == (not own and (kind == "hulpvraag" or role == "asker")), role


@pytest.mark.parametrize("status", ["concept", "wacht_op_controle", "gekoppeld", "verlopen", "ingetrokken"])
def test_a_post_that_is_not_public_cannot_be_reacted_to(app, client, people, log_in, status):
    vraag = make_post("hulpvraag", author=people["asker"], status=status)
    log_in("helper")
    for method in ("GET", "POST"):
        response = client.open(f"/voor-elkaar/hulpvragen/{vraag.id}/reageren", method=method,
                               data={"message": "Hallo"})
        assert response.status_code == 404
    assert db.session.query(Match).count() == 0


def test_unknown_ids_are_not_found(app, client, people, log_in, aanbod):
    log_in("coordinator")
    for url in ("/voor-elkaar/mijn/gesprekken/bestaat-niet", "/voor-elkaar/hulpvragen/bestaat-niet/reageren",
                f"/voor-elkaar/hulpvragen/{aanbod.id}/reageren", "/voor-elkaar/hulpaanbod/x/reageren"):
        assert client.get(url).status_code == 404, url
    for url in ("/voor-elkaar/mijn/gesprekken/x/accepteren", "/coordinator/koppelingen/x/bevestigen"):
        assert client.post(url).status_code == 404, url


def test_reacting_through_the_page(app, client, people, log_in, vraag):
    log_in("helper")
    response = client.post(f"/voor-elkaar/hulpvragen/{vraag.id}/reageren", data={"message": FIRST_MESSAGE})
    match = db.session.query(Match).one()
    assert response.status_code == 302 and response.location.endswith(f"/gesprekken/{match.id}")
    response = client.post(f"/voor-elkaar/hulpvragen/{vraag.id}/reageren", data={"message": ""})
    assert "Schrijf een bericht." in response.get_data(as_text=True)
    log_in("asker")
    response = client.post(f"/voor-elkaar/hulpvragen/{vraag.id}/reageren", data={"message": "Zelf"})
    assert "eigen bericht" in response.get_data(as_text=True) and db.session.query(Match).count() == 1


def test_answering_an_aanbod_through_the_page(app, client, people, log_in, vraag, aanbod):
    log_in("other")
    body = client.get(f"/voor-elkaar/hulpaanbod/{aanbod.id}/reageren").get_data(as_text=True)
    assert "/voor-elkaar/hulpvraag/nieuw" in body and 'name="message"' not in body
    log_in("asker")
    response = client.post(f"/voor-elkaar/hulpaanbod/{aanbod.id}/reageren",
                           data={"request_id": make_post(author=people["other"]).id, "message": "Hallo"})
    assert response.status_code == 200 and db.session.query(Match).count() == 0
    response = client.post(f"/voor-elkaar/hulpaanbod/{aanbod.id}/reageren",
                           data={"request_id": vraag.id, "message": "Hallo"})
    assert response.status_code == 302 and db.session.query(Match).one().offer_id == aanbod.id


def test_an_illegal_step_gives_a_dutch_message_and_changes_nothing(app, client, people, log_in, make_match):
    match = make_match(CONFIRMED)
    log_in("asker")
    response = client.post(f"/voor-elkaar/mijn/gesprekken/{match.id}/accepteren")
    assert response.status_code == 400 and "Dit kan niet meer: de koppeling staat op" in response.get_data(as_text=True)
    response = client.post(f"/voor-elkaar/mijn/gesprekken/{match.id}/afronden", data={"verdict": ""})
    assert response.status_code == 400 and "Kies hoe het ging." in response.get_data(as_text=True)
    log_in("coordinator")
    response = client.post(f"/coordinator/koppelingen/{match.id}/annuleren", data={"reason": ""})
    assert response.status_code == 400
    db.session.expire_all()
    assert match.status == CONFIRMED


@pytest.mark.parametrize("role, status", [("coordinator", 302), ("beheerder", 302), ("coordinator_elders", 403),
                                          ("beheerder_elders", 403), ("asker", 403), ("other", 403)])
def test_propose_for_every_visitor(app, client, people, log_in, vraag, aanbod, role, status):
    log_in(role)
    response = client.post("/coordinator/koppelingen/voorstellen", data={"request_id": vraag.id, "offer_id": aanbod.id})
    assert response.status_code == status
    assert db.session.query(Match).count() == (1 if status == 302 else 0)


def test_propose_bad_input_is_a_message(app, client, people, log_in, vraag):
    log_in("coordinator")
    for data in ({}, {"request_id": "x" * 40}, {"request_id": vraag.id, "helper_id": people["asker"].id}):
        response = client.post("/coordinator/koppelingen/voorstellen", data=data)
        assert response.status_code == 302
    assert db.session.query(Match).count() == 0


def test_propose_takes_the_helper_only_from_an_open_aanbod(app, client, people, log_in, vraag):
    """A helper chosen by account id never offered help: confirming would hand their contact details out."""
    log_in("coordinator")
    for helper in ("other", "coordinator_elders", "beheerder_elders"):
        response = client.post("/coordinator/koppelingen/voorstellen",
                               data={"request_id": vraag.id, "helper_id": people[helper].id})
        assert response.status_code == 302, helper
    assert db.session.query(Match).count() == 0


def test_coordinator_page_lists_own_gemeente_accepted_first(app, client, people, log_in, make_match):
    proposed = make_match(PROPOSED, request=make_post(author=people["asker"], title="Eerst voorgesteld"))
    accepted = make_match(ACCEPTED, request=make_post(author=people["asker"], title="Daarna geaccepteerd"))
    for role, status in (("coordinator", 200), ("beheerder", 200), ("coordinator_elders", 200), ("asker", 403)):
        log_in(role)
        response = client.get("/coordinator/koppelingen")
        assert response.status_code == status
        body = response.get_data(as_text=True)
        assert (accepted.id in body and proposed.id in body) == (role in MEPPEL), role
        if role in MEPPEL:
            assert body.index("Daarna geaccepteerd") < body.index("Eerst voorgesteld")
    log_in(None)
    assert "/inloggen" in client.get("/coordinator/koppelingen").location


def test_a_coordinator_acting_for_an_intake_resident_decides_as_that_resident(app, client, people, log_in):
    resident = create_intake_account(people["coordinator"], "Gerrit Bakker", "7941 AB", "0522 123 123", "Meppel")
    match = services.react_to_request(make_post(author=resident), people["helper"], FIRST_MESSAGE)
    log_in("coordinator")
    client.post(f"/coordinator/inwoners/{resident.id}/namens")
    assert "Henk wil u helpen" in client.get(f"/voor-elkaar/mijn/gesprekken/{match.id}").get_data(as_text=True)
    assert client.post(f"/voor-elkaar/mijn/gesprekken/{match.id}/accepteren").status_code == 302
    db.session.expire_all()
    assert match.status == ACCEPTED
    # Four eyes: the coördinator who acted for the resident does not confirm; another of the gemeente does.
    refused = client.post(f"/coordinator/koppelingen/{match.id}/bevestigen")
    assert refused.status_code == 400 and "Een andere coördinator" in refused.get_data(as_text=True)
    log_in("beheerder")
    assert client.post(f"/coordinator/koppelingen/{match.id}/bevestigen").status_code == 302
    db.session.expire_all()
    assert match.status == CONFIRMED and match.confirmed_by_id == people["beheerder"].id


def test_forms_need_the_csrf_token(csrf_client, people, make_match):
    """Without the token the post is refused before anything else (logged out it would go to the login page)."""
    match = make_match(PROPOSED)
    assert csrf_client.post(f"/voor-elkaar/mijn/gesprekken/{match.id}/accepteren").status_code == 400
    db.session.expire_all()
    assert match.status == PROPOSED
