"""Blocking: the account stops working at once, its posts leave the site, the log says who and why."""
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
from webapp.posts.models import Post
from webapp.posts.vocab import CONCEPT, MATCHED, OPEN, PENDING, WITHDRAWN


def block_data(user, reason):
    return {f"blok-{user.id[:8]}-reason": reason, f"blok-{user.id[:8]}-back": "meldingen"}


def test_a_blocked_user_is_logged_out_cannot_log_in_and_loses_their_posts(app, client, login, accounts):
    author = accounts["inwoner"]
    posts = {status: make_post(author=author, status=status, title=f"Fietsen repareren {status}")
             for status in (CONCEPT, PENDING, OPEN, MATCHED)}
    assert [hit.row_id for hit in search.search_kind("hulpvraag", "fietsen").hits] == [posts[OPEN].id]
    other_client = app.test_client()
    other_client.post("/inloggen", data={"email": author.email, "password": PASSWORD})
    assert other_client.get("/account").status_code == 200

    login("coordinator")
    response = client.post(f"/coordinator/gebruikers/{author.id}/blokkeren", data=block_data(author, "Oplichting."))
    assert response.status_code == 302 and response.headers["Location"].endswith("/coordinator/meldingen")

    db.session.expire_all()
    user = db.session.get(type(author), author.id)
    assert user.active is False and user.session_version == 2
    assert {status: db.session.get(Post, post.id).status for status, post in posts.items()} == {
        CONCEPT: WITHDRAWN, PENDING: WITHDRAWN, OPEN: WITHDRAWN, MATCHED: MATCHED}
    assert search.search_kind("hulpvraag", "fietsen").hits == []
    assert other_client.get("/account").status_code == 302  # the old session no longer works
    refused = other_client.post("/inloggen", data={"email": author.email, "password": PASSWORD})
    assert refused.status_code != 302
    rows = db.session.scalars(select(ModerationAction).order_by(ModerationAction.action)).all()
    assert [(row.action, row.user_id, row.reason) for row in rows] == [
        ("block", author.id, "Oplichting.")] + [("withdraw_blocked", author.id, "Oplichting.")] * 3
    log = client.get("/coordinator/logboek").get_data(as_text=True)
    assert "Gebruiker geblokkeerd" in log and "Oplichting." in log and author.display_name in log


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
