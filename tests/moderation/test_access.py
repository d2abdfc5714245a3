"""Who may use each moderation route: the post's author, another inwoner, a coördinator and a beheerder of the
post's gemeente (allowed), of another gemeente (403), and anonymous (to the login page). Refused changes nothing."""
import pytest
from sqlalchemy import func, select

from tests.factories import make_post
from webapp.extensions import db
from webapp.moderation.models import AbuseReport, ModerationAction
from webapp.posts.models import Post
from webapp.posts.vocab import OPEN

ALLOWED = ["coordinator", "beheerder"]
FORBIDDEN = ["inwoner", "inwoner_b", "coordinator_elders", "beheerder_elders"]


def post_routes(post, report, author):
    """(method, path, data, what an allowed user gets) for every route about one post, report or user."""
    return [
        ("GET", f"/coordinator/controle/{post.id}", None, 200),
        ("POST", f"/coordinator/controle/{post.id}/goedkeuren", {}, 302),
        ("POST", f"/coordinator/controle/{post.id}/afwijzen", {"reason": "Graag duidelijker."}, 302),
        ("POST", f"/coordinator/meldingen/{report.id}",
         {f"melding-{report.id[:8]}-outcome": "gegrond", f"melding-{report.id[:8]}-note": "Reclame."}, 302),
        ("POST", f"/coordinator/gebruikers/{author.id}/blokkeren",
         {f"blok-{author.id[:8]}-reason": "Steeds reclame."}, 302),
    ]


LIST_ROUTES = ["/coordinator/controle", "/coordinator/meldingen", "/coordinator/logboek"]
ROLES = [None, *FORBIDDEN, *ALLOWED]


def state():
    db.session.expire_all()
    return (db.session.scalar(select(func.count()).select_from(ModerationAction)),
            sorted(db.session.execute(select(Post.id, Post.status, Post.version)).all()),
            sorted(db.session.execute(select(AbuseReport.id, AbuseReport.status)).all()))


def expected_status(role, allowed_status):
    if role is None:
        return 302
    return allowed_status if role in ALLOWED else 403


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("index", range(5))
def test_post_routes_only_for_coordinators_of_the_gemeente(client, login, accounts, pending, reported, role, index):
    method, path, data, allowed_status = post_routes(pending, reported, accounts["inwoner"])[index]
    login(role)
    before = state()
    response = client.open(path, method=method, data=data)
    assert response.status_code == expected_status(role, allowed_status), (role, path)
    if role is None:
        assert "/inloggen" in response.headers["Location"]
    if role not in ALLOWED:
        assert state() == before
        assert "0522 123456" not in response.get_data(as_text=True)
    elif method == "POST":
        assert state() != before


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("path", LIST_ROUTES)
def test_lists_show_only_the_coordinators_own_gemeenten(client, login, pending, reported, role, path):
    login(role)
    pending_title, report_reason = pending.title, reported.reason
    response = client.get(path)
    body = response.get_data(as_text=True)
    if role is None:
        assert response.status_code == 302 and "/inloggen" in response.headers["Location"]
    elif role in ("inwoner", "inwoner_b"):
        assert response.status_code == 403
    else:
        assert response.status_code == 200
        own = role in ALLOWED
        if path == "/coordinator/controle":
            assert (pending_title in body) is own
        if path == "/coordinator/meldingen":
            assert (report_reason in body) is own


def test_every_moderation_route_is_in_the_matrix(app):
    """A new route must join the matrix above (or the public report tests)."""
    rules = {rule.rule for rule in app.url_map.iter_rules() if rule.endpoint.startswith("moderation.")}
    covered = {"/coordinator/controle/<post_id>", "/coordinator/controle/<post_id>/goedkeuren",
               "/coordinator/controle/<post_id>/afwijzen", "/coordinator/meldingen/<report_id>",
               "/coordinator/gebruikers/<user_id>/blokkeren", *LIST_ROUTES,
               "/voor-elkaar/berichten/<post_id>/melden", "/voor-elkaar/berichten/<post_id>/gemeld"}
    assert rules == covered


@pytest.mark.parametrize("role", ROLES)
def test_the_report_form_is_public_on_an_open_post(client, login, accounts, role):
    post = make_post(author=accounts["inwoner"], status=OPEN, title="Hulp bij de was")
    login(role)
    response = client.get(f"/voor-elkaar/berichten/{post.id}/melden")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "Meld misbruik" in body and "Hulp bij de was" in body
    assert ('name="email"' in body) is (role is None)  # logged in: the outcome goes to the account
    assert post.place_text not in body


@pytest.mark.parametrize("role", [None, "inwoner_b"])
def test_only_public_posts_can_be_reported(client, login, accounts, pending, role):
    login(role)
    assert client.get(f"/voor-elkaar/berichten/{pending.id}/melden").status_code == 404
    assert client.post(f"/voor-elkaar/berichten/{pending.id}/melden", data={"reason": "x"}).status_code == 404
    assert client.get("/voor-elkaar/berichten/bestaat-niet/melden").status_code == 404
    assert db.session.scalar(select(func.count()).select_from(AbuseReport)) == 0


def test_moderation_forms_carry_a_working_csrf_token(csrf_client, accounts, pending):
    """Several prefixed forms share a page; each one's token must pass the site-wide CSRF check."""
    from tests.conftest import PASSWORD, ROLE_ACCOUNTS
    token = csrf_client.get("/inloggen").get_data(as_text=True).split('name="csrf_token" type="hidden" value="')[1]
    csrf_client.post("/inloggen", data={"email": ROLE_ACCOUNTS["coordinator"][0], "password": PASSWORD,
                                        "csrf_token": token.split('"')[0]})
    assert csrf_client.post(f"/coordinator/controle/{pending.id}/goedkeuren").status_code == 400
    page = csrf_client.get(f"/coordinator/controle/{pending.id}").get_data(as_text=True)
    prefix = f"blok-{accounts['inwoner'].id[:8]}-"
    block_token = page.split(f'name="{prefix}csrf_token" type="hidden" value="')[1].split('"')[0]
    response = csrf_client.post(f"/coordinator/gebruikers/{accounts['inwoner'].id}/blokkeren",
                                data={f"{prefix}csrf_token": block_token, f"{prefix}reason": "Spam."})
    assert response.status_code == 302, response.get_data(as_text=True)
    assert response.headers["Location"].endswith("/coordinator/controle"), response.headers["Location"]
    db.session.rollback()  # the test's own session (another app than csrf_client's) may hold an old snapshot
    assert db.session.get(Post, pending.id).status == "ingetrokken"


@pytest.mark.parametrize("role", ALLOWED)
def test_a_concept_is_its_authors_alone(client, login, accounts, role):
    """The author is told "Niemand anders ziet het": not the coördinatoren of its gemeente either."""
    concept = make_post(author=accounts["inwoner"], status="concept", title="Mijn concept")
    login(role)
    before = state()
    assert client.get(f"/coordinator/controle/{concept.id}").status_code == 404
    assert client.post(f"/coordinator/controle/{concept.id}/goedkeuren").status_code == 404
    assert client.post(f"/coordinator/controle/{concept.id}/afwijzen", data={"reason": "Nee."}).status_code == 404
    assert "Mijn concept" not in client.get("/coordinator/controle").text
    assert state() == before
