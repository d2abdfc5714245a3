"""Nobody but the author and the coördinatoren of the gemeente can find out where a resident lives.

Every GET route of the site (HTML and JSON) is requested as every role that is not a coördinator of Meppel, with
the ids of two residents' posts, their conversation and a report filled in; the raw body must never contain
another person's e-mail address, phone number, street, typed place or exact coordinates.
A new route with an argument this test does not know fails here until it is added to tests/route_map.py.
"""
import pytest

from tests.route_map import argument_values, build, make_world, rules
from webapp.accounts.phone import display

SKIPPED = {
    "static": "files, no user data",
    "mail_dev.index": "the file mail backend for demos shows every mail by design (README); off with SMTP",
    "mail_dev.show": "as above",
}


@pytest.fixture
def private_world(app, accounts):
    return make_world(accounts)


def secrets_of(world, viewer):
    """What `viewer` must not see: the other resident's details, and the exact places of both posts."""
    found = []
    for role, post in (("asker", world["request"]), ("helper", world["offer"])):
        user = world[role]
        if viewer is not user:
            found += [user.email, user.phone, display(user.phone), post.place_text, post.place_text.split()[0]]
        found += _coordinates(post.exact_point)
    request = world["request"]
    if viewer is not world["asker"]:
        found += [request.contact_phone, display(request.contact_phone), request.contact_email, request.contact_name, request.behalf_name]
    return [secret for secret in found if secret]


def _coordinates(point):
    return [fmt.format(value) for value in point for fmt in ("{}", "{:.4f}", "{:.5f}", "{:.6f}")]


def urls(app, world):
    values = argument_values(world)
    found = []
    for rule in rules(app, "GET", SKIPPED):
        unknown = set(rule.arguments) - set(values)
        assert not unknown, f"{rule.rule}: add a value for {unknown} to tests/route_map.py"
        found += [build(rule, {name: value}) for name in rule.arguments or [None] for value in values.get(name, [None])]
    return sorted(set(found))


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
