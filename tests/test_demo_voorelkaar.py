"""`demo load` adds example accounts for each role and example posts in Meppel, Nijeveen and Rogat, once."""
from sqlalchemy import func, select

from webapp import search
from webapp.accounts.models import User
from webapp.extensions import db
from webapp.posts.demo import DEMO_PASSWORD
from webapp.posts.models import Post


def test_demo_load_adds_examples_once(app, runner):
    first = runner.invoke(args=["demo", "load"])
    assert "5 voorbeeldaccounts en 8 voorbeeldberichten" in first.output, first.output
    second = runner.invoke(args=["demo", "load"])
    assert "0 voorbeeldaccounts en 0 voorbeeldberichten" in second.output, second.output

    posts = db.session.scalars(select(Post)).all()
    assert all(post.is_example for post in posts)
    assert {post.woonplaats for post in posts} == {"Meppel", "Nijeveen", "Rogat"}
    open_ids = {post.id for post in posts if post.status == "open"}
    indexed = {hit.row_id for kind in ("hulpvraag", "hulpaanbod") for hit in search.search_kind(kind, "").hits}
    assert indexed == open_ids and len(open_ids) < len(posts)  # the one waiting for a check is not public
    roles = dict(db.session.execute(select(User.role, func.count()).group_by(User.role)).all())
    assert roles == {"inwoner": 3, "coordinator": 1, "beheerder": 1}


def test_example_accounts_log_in(app, runner, client):
    runner.invoke(args=["demo", "load"])
    for email in ("annie@voorbeeld.example", "coordinator@voorbeeld.example", "beheerder@voorbeeld.example"):
        response = client.post("/inloggen", data={"email": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        client.post("/uitloggen")


def test_outside_demo_mode_demo_load_adds_no_example_accounts(other_app):
    real = other_app(DEMO=False)
    with real.app_context():
        result = real.test_cli_runner().invoke(args=["demo", "load"])
        assert result.exit_code == 0, result.output
        assert "alleen in demomodus" in result.output
        assert db.session.scalar(select(func.count(User.id))) == 0
        assert db.session.scalar(select(func.count(Post.id))) == 0
        db.session.remove()


def test_example_accounts_are_not_added_beside_real_ones(app, runner, accounts):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 1
    assert "Deze database heeft al echte accounts" in result.output
    assert db.session.scalar(select(User.id).where(User.email.like("%@voorbeeld.example"))) is None
    assert db.session.scalar(select(func.count(Post.id))) == 0


def test_example_accounts_cannot_log_in_once_the_site_is_no_demo(app, runner, other_app):
    runner.invoke(args=["demo", "load"])
    db.session.remove()
    real = other_app(DEMO=False)
    response = real.test_client().post("/inloggen", data={"email": "beheerder@voorbeeld.example",
                                                          "password": DEMO_PASSWORD})
    assert response.status_code == 200 and "klopt niet" in response.text
