"""Blocking: within the coördinator's gemeenten (posts there offline, no new ones), or everywhere (the account
ends); the log says who and why."""
import pytest
from sqlalchemy import select

from tests.conftest import PASSWORD
from tests.factories import make_post
from webapp import search
from webapp.accounts.services import create_account
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.moderation import services
from webapp.moderation.models import ModerationAction
from webapp.posts import services as posting_services
from webapp.posts.data import RequestData
from webapp.posts.models import Post
from webapp.posts.vocab import CONCEPT, MATCHED, OPEN, PENDING, WITHDRAWN


def block_data(user, reason):
    return {f"blok-{user.id[:8]}-reason": reason, f"blok-{user.id[:8]}-back": "meldingen"}


def test_a_block_by_a_gemeente_takes_the_posts_there_offline_and_stops_new_ones(app, client, login, accounts):
    author = accounts["inwoner"]
    posts = {status: make_post(author=author, status=status, title=f"Fietsen repareren {status}")
             for status in (CONCEPT, PENDING, OPEN, MATCHED)}
    elders = make_post(author=author, status=OPEN, place="9481", title="Fietsen repareren in Vries")
    assert elders.gemeente == "Tynaarlo"
    other_client = app.test_client()
    other_client.post("/inloggen", data={"email": author.email, "password": PASSWORD})

    login("coordinator")
    response = client.post(f"/coordinator/gebruikers/{author.id}/blokkeren", data=block_data(author, "Oplichting."))
    assert response.status_code == 302 and response.headers["Location"].endswith("/coordinator/meldingen")

    db.session.expire_all()
    assert {status: db.session.get(Post, post.id).status for status, post in posts.items()} == {
        CONCEPT: WITHDRAWN, PENDING: WITHDRAWN, OPEN: WITHDRAWN, MATCHED: MATCHED}
    assert [hit.row_id for hit in search.search_kind("hulpvraag", "fietsen").hits] == [elders.id]  # Tynaarlo's stays
    user = db.session.get(type(author), author.id)
    assert user.active is True and other_client.get("/account").status_code == 200  # the account works elsewhere
    with pytest.raises(RuleViolation) as refused:  # no new posts in Meppel
        posting_services.create_post(user, RequestData(title="Nog een vraag", description="Wie helpt?",
                                                       category="boodschappen", place="7941 AB",
                                                       when_kind="flexibel"), send=True)
    assert "geen berichten meer plaatsen" in refused.value.reasons[0][1]
    rows = db.session.scalars(select(ModerationAction).order_by(ModerationAction.action)).all()
    assert [(row.action, row.gemeente, row.reason) for row in rows] == [
        ("block", "Meppel", "Oplichting.")] + [("withdraw_blocked", "Meppel", "Oplichting.")] * 3
    log = client.get("/coordinator/logboek").get_data(as_text=True)
    assert "Gebruiker geblokkeerd" in log and "Oplichting." in log and author.display_name in log


def test_blocking_everywhere_ends_the_account(app, runner, accounts):
    author = accounts["inwoner"]
    elders = make_post(author=author, status=OPEN, place="9481")
    with pytest.raises(RuleViolation):  # a beheerder of Meppel only: not of Tynaarlo, where the person posts too
        services.block_everywhere(author, accounts["beheerder"], "Oplichting.")
    result = runner.invoke(args=["moderation", "block-everywhere", author.email, "--reden", "Oplichting."])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    user = db.session.get(type(author), author.id)
    assert user.active is False and user.session_version == 2
    assert db.session.get(Post, elders.id).status == WITHDRAWN
    app.test_client().post("/inloggen", data={"email": author.email, "password": PASSWORD})
    assert runner.invoke(args=["moderation", "block-everywhere", author.email, "--reden", "x"]).exit_code == 1


def test_a_user_known_only_by_a_post_in_the_gemeente_can_be_blocked(app, accounts):
    visitor = create_account("bezoeker@example.org", PASSWORD, "inwoner", ["Tynaarlo"])
    assert services.may_block(accounts["coordinator"], visitor) is False
    make_post(author=visitor, status=OPEN, title="Hulp in Meppel gezocht")
    assert services.may_block(accounts["coordinator"], visitor) is True
    assert services.may_block(accounts["coordinator_elders"], visitor) is True


@pytest.mark.parametrize("target", ["coordinator", "beheerder", "coordinator_elders"])
def test_coordinators_and_beheerders_cannot_be_blocked(client, login, accounts, target):
    login("beheerder")
    user = accounts[target]
    response = client.post(f"/coordinator/gebruikers/{user.id}/blokkeren", data=block_data(user, "Ruzie."))
    assert response.status_code == 403
    with pytest.raises(RuleViolation):
        services.block(user, accounts["beheerder"], "Ruzie.")
    db.session.expire_all()
    assert db.session.get(type(user), user.id).active is True


@pytest.mark.parametrize("reason, message", [("", "Vul een reden in."), ("x" * 1001, "Gebruik hoogstens 1000 tekens.")])
def test_blocking_needs_a_reason(client, login, accounts, reason, message):
    author = accounts["inwoner"]
    login("coordinator")
    response = client.post(f"/coordinator/gebruikers/{author.id}/blokkeren", data=block_data(author, reason))
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(type(author), author.id).active is True


def test_blocking_twice_says_so(app, accounts):
    services.block(accounts["inwoner"], accounts["coordinator"], "Spam.")
    with pytest.raises(RuleViolation) as refused:
        services.block(accounts["inwoner"], accounts["coordinator"], "Spam.")
    assert refused.value.reasons == [("user", "Deze gebruiker is al geblokkeerd.")]


def test_the_block_form_is_on_the_review_and_report_pages(client, login, accounts, pending, reported):
    login("coordinator")
    for path in (f"/coordinator/controle/{pending.id}", "/coordinator/meldingen"):
        body = client.get(path).get_data(as_text=True)
        assert f"/coordinator/gebruikers/{accounts['inwoner'].id}/blokkeren" in body, path
    login("coordinator_elders")
    assert "blokkeren" not in client.get("/coordinator/meldingen").get_data(as_text=True)


def test_a_person_blocked_in_a_gemeente_reacts_and_writes_there_no_more(app, accounts):
    from webapp.matching import services as matching
    vraag = make_post(author=accounts["inwoner"], status=OPEN)
    match = matching.react_to_request(vraag, accounts["inwoner_b"], "Ik help graag.")
    services.block(accounts["inwoner_b"], accounts["coordinator"], "Lastig gevallen.")
    with pytest.raises(RuleViolation):
        matching.react_to_request(make_post(author=accounts["inwoner"], status=OPEN), accounts["inwoner_b"], "Hoi")
    with pytest.raises(RuleViolation):
        matching.post_message(match, accounts["inwoner_b"], "Toch nog even")


@pytest.mark.parametrize("who, everywhere", [("beheerder", True), ("coordinator", False)])
def test_only_a_beheerder_of_every_gemeente_of_the_person_blocks_everywhere_from_the_form(client, login, accounts,
                                                                                          pending, who, everywhere):
    author = accounts["inwoner"]
    login(who)
    page = client.get(f"/coordinator/controle/{pending.id}").get_data(as_text=True)
    assert ("Overal blokkeren" in page) == everywhere
    data = {**block_data(author, "Oplichting."), f"blok-{author.id[:8]}-everywhere": "y"}
    assert client.post(f"/coordinator/gebruikers/{author.id}/blokkeren", data=data).status_code == 302
    db.session.expire_all()
    assert db.session.get(type(author), author.id).active is (not everywhere)
