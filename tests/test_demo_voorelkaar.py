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
