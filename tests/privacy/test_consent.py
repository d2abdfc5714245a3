"""A vraag for someone else records who agreed and when; a vraag can be for the coördinator only."""
import json
from datetime import timedelta, timezone

from sqlalchemy import func, select

from tests.factories import make_post
from tests.posts.helpers import request_form
from webapp import search
from webapp.extensions import db
from webapp.matching import services as matching
from webapp.models_base import utcnow
from webapp.moderation import review
from webapp.posts.models import Post
from webapp.posts.vocab import OFFER, OPEN, REQUEST

FOR_OMA = dict(for_whom="ander", behalf_name="Oma Jansen", behalf_relation="familie", contact_choice="mijn")
NO_CONSENT = "Vraag eerst of deze persoon het goed vindt"


def _aware(moment):
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)  # SQLite gives it back naive


def _posts():
    return db.session.scalar(select(func.count()).select_from(Post))


def test_without_consent_a_vraag_for_someone_else_is_not_stored(client, login):
    login("inwoner")
    response = client.post("/voor-elkaar/hulpvraag/nieuw", data=request_form(**FOR_OMA))
    assert response.status_code == 200 and NO_CONSENT in response.get_data(as_text=True)  # the form again
    assert _posts() == 0


def test_consent_records_who_and_when_and_an_edit_keeps_it(client, login):
    author = login("inwoner")
    client.post("/voor-elkaar/hulpvraag/nieuw", data=request_form(**FOR_OMA, consent="y", send=None, save="1"))
    post = db.session.scalars(select(Post)).one()
    assert post.consent_name == "Oma Jansen" and abs(_aware(post.consent_at) - utcnow()) < timedelta(minutes=1)
    given = post.consent_at
    client.post(f"/voor-elkaar/mijn/{post.id}/bewerken",
                data=request_form(**FOR_OMA, consent="y", title="Nieuwe titel", send=None, save="1"))
    db.session.refresh(post)
    assert (post.title, post.consent_at) == ("Nieuwe titel", given)
    client.post(f"/voor-elkaar/mijn/{post.id}/bewerken",
                data=request_form(**{**FOR_OMA, "behalf_name": "Opa Jansen"}, consent="y", send=None, save="1"))
    db.session.refresh(post)
    assert post.consent_name == "Opa Jansen" and post.consent_at > given
    own = client.get(f"/voor-elkaar/mijn/{post.id}").get_data(as_text=True)
    assert "Opa Jansen vindt het goed (vastgelegd op" in own
    assert client.post(f"/voor-elkaar/mijn/{post.id}/indienen").status_code == 302
    login("coordinator")
    review = client.get(f"/coordinator/controle/{post.id}").get_data(as_text=True)
    assert "Toestemming gegeven door (niet openbaar)" in review and "Opa Jansen" in review
    login("inwoner")
    data = json.loads(client.get("/account/mijn-gegevens.json").get_data(as_text=True))
    [mine] = data["voor elkaar"]
    assert mine["consent_name"] == "Opa Jansen" and mine["consent_at"][:19] == post.consent_at.isoformat()[:19]
    assert author.id == post.author_id


def test_a_vraag_for_the_coordinator_only_is_never_public(client, login, accounts):
    login("inwoner")
    client.post("/voor-elkaar/hulpvraag/nieuw", data=request_form(coordinator_only="y", title="Stille vraag"))
    vraag = db.session.scalars(select(Post)).one()
    assert vraag.coordinator_only
    assert "Alleen de coördinator. Uw vraag staat niet op de website." in client.get(
        f"/voor-elkaar/mijn/{vraag.id}").get_data(as_text=True)
    review.approve(vraag, accounts["coordinator"])
    offer = make_post(OFFER, author=accounts["inwoner_b"], title="Ik doe boodschappen", categories="boodschappen")
    assert vraag.status == OPEN
    login("inwoner_b")
    for url in ("/voor-elkaar", "/voor-elkaar?q=stille", "/api/v1/hulpvragen", "/voor-elkaar/kaart"):
        assert "Stille vraag" not in client.get(url).get_data(as_text=True), url
    assert client.get(f"/voor-elkaar/hulpvragen/{vraag.id}").status_code == 404
    assert client.get(f"/api/v1/hulpvragen/{vraag.id}").status_code == 404
    assert search.search_kind(REQUEST, "stille").hits == []
    login("coordinator")
    page = client.get(f"/coordinator/hulpvragen/{vraag.id}/suggesties").get_data(as_text=True)
    assert "Ik doe boodschappen" in page  # the coördinator matches it with aanbod directly
    match = matching.propose(vraag, accounts["coordinator"], offer)
    assert match.helper_id == accounts["inwoner_b"].id
