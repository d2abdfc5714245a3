"""Nobody but the author and the coördinatoren of the gemeente can find out where a resident lives.

Every GET route of the site (HTML and JSON) is requested as every role that is not a coördinator of Meppel, with
the ids of two residents' posts, their conversation and a report filled in; the raw body must never contain
another person's e-mail address, phone number, street, typed place or exact coordinates.
A new route with an argument this test does not know fails here until it is added to `ARGUMENTS`.
"""
import pytest

from tests.factories import make_post
from webapp.extensions import db
from webapp.matching.models import Match, Message
from webapp.moderation.models import AbuseReport

ASKER_PHONE, HELPER_PHONE, CONTACT_PHONE = "0522-987654", "06-11223344", "06-55667788"
CONTACT_EMAIL = "dochter.privacy@example.org"
SKIPPED = {
    "static": "files, no user data",
    "mail_dev.index": "the file mail backend for demos shows every mail by design (README); off with SMTP",
    "mail_dev.show": "as above",
}
TOKEN_ROUTES = {"accounts.confirm_email_change", "accounts.confirm_email", "accounts.reset_password",
                "accounts.unsubscribe"}  # a made-up token only gives the Dutch 'link does not work' page


@pytest.fixture
def private_world(app, accounts):
    asker, helper = accounts["inwoner"], accounts["inwoner_b"]
    asker.phone, helper.phone = ASKER_PHONE, HELPER_PHONE
    request = make_post("hulpvraag", author=asker, place="Torenvalk 12, Meppel", title="Boodschappen gezocht",
                        description=f"Bel mij op {ASKER_PHONE}", behalf_name="Mevrouw Geheim",
                        behalf_relation="familie", contact_choice="hulpvrager", contact_name="Dochter Geheim",
                        contact_phone=CONTACT_PHONE, contact_email=CONTACT_EMAIL)
    offer = make_post("hulpaanbod", author=helper, place="Albert Toriedreef 5, Meppel", title="Ik doe boodschappen",
                      description=f"Mail naar {helper.email}", categories="boodschappen", availability="za-ochtend")
    match = Match(request=request, offer=offer, helper=helper, gemeente="Meppel", started_by="helper")
    match.messages.append(Message(author=helper, body=f"Ik kan helpen, bel {HELPER_PHONE}"))
    report = AbuseReport(post=request, gemeente="Meppel", reporter=helper, reason="test")
    db.session.add_all([match, report])
    db.session.commit()
    return {"asker": asker, "helper": helper, "request": request, "offer": offer, "match": match, "report": report}


def secrets_of(world, viewer):
    """What `viewer` must not see: the other resident's details, and the exact places of both posts."""
    found = []
    for role, post in (("asker", world["request"]), ("helper", world["offer"])):
        user = world[role]
        if viewer is not user:
            found += [user.email, user.phone, post.place_text, post.place_text.split()[0]]
        found += _coordinates(post.exact_point)
    request = world["request"]
    if viewer is not world["asker"]:
        found += [request.contact_phone, request.contact_email, request.contact_name, request.behalf_name]
    return [secret for secret in found if secret]


def _coordinates(point):
    return [fmt.format(value) for value in point for fmt in ("{}", "{:.4f}", "{:.5f}", "{:.6f}")]


def urls(app, world):
    values = {
        "post_id": [world["request"].id, world["offer"].id],
        "match_id": [world["match"].id],
        "report_id": [world["report"].id],
        "user_id": [world["asker"].id, world["helper"].id],
        "service_id": ["onbekend"],
        "slug": ["onbekend"],
        "token": ["onbekend"],
        "name": ["onbekend"],
        "gemeente": ["onbekend", "meppel"],
    }
    found = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in SKIPPED:
            continue
        unknown = set(rule.arguments) - set(values)
        assert not unknown, f"{rule.rule}: add a value for {unknown} to this test"
        found += [_build(rule, {name: value}) for name in rule.arguments or [None] for value in values.get(name, [None])]
    return sorted(set(found))


def _build(rule, args):
    path = rule.rule
    for name, value in args.items():
        if name:
            path = path.replace(f"<{name}>", value).replace(f"<path:{name}>", value)
    return path


@pytest.mark.parametrize("viewer_name", [None, "inwoner", "inwoner_b", "coordinator_elders", "beheerder_elders"])
def test_no_route_shows_another_residents_details(app, client, login, private_world, viewer_name):
    viewer = login(viewer_name)
    secrets = secrets_of(private_world, viewer)
    checked = 0
    for url in urls(app, private_world):
        response = client.get(url, query_string={"near": "Meppel", "plaats": "Meppel"})
        assert response.status_code < 500, url
        body = response.get_data(as_text=True)
        leaked = [secret for secret in secrets if secret in body]
        assert not leaked, f"{url} shows {leaked} to {viewer_name or 'anonymous'}"
        checked += 1
    assert checked > 30
