"""The public never sees an address, a street, an exact point or contact details: not in HTML, JSON or the map."""
import re

import pytest

from tests.factories import make_post
from webapp.extensions import db
from webapp.posts.privacy import public_point
from webapp.posts.vocab import OFFER, REQUEST

ADDRESS = "Hoofdstraat 10, Meppel"
SECRETS = {
    "contact_name": "Trijntje Bakker",
    "contact_phone": "0522 987654",
    "contact_email": "trijntje@geheim.example",
    "behalf_name": "Opa Hendrik",
}


@pytest.fixture
def private_posts(app, accounts):
    author = accounts["inwoner"]
    author.phone, author.postcode = "06 11223344", "7942 JE"
    db.session.commit()
    vraag = make_post(REQUEST, author=author, place=ADDRESS, title="Boodschappen, bel 06-12345678",
                      description="Mail naar hulp@voorbeeld.example of bel +31 6 1234 5678.",
                      behalf_relation="familie", when_note="na 06 98765432 bellen", **SECRETS)
    aanbod = make_post(OFFER, author=author, place="Hoofdstraat 10, Meppel", title="Ik help graag",
                       description="Bel mij: 0522-123456", availability="za-middag")
    return [vraag, aanbod]


def public_bodies(client, posts):
    """The raw body of every board and API route that can show these posts."""
    urls = ["/voor-elkaar", "/voor-elkaar?q=boodschappen", "/voor-elkaar?plaats=Meppel&afstand=5",
            "/voor-elkaar/kaart", "/voor-elkaar/kaart?plaats=Nijeveen", "/api/v1/hulpvragen",
            "/api/v1/hulpaanbod?near=Meppel&radius_km=10", "/api/v1/hulpvragen?q=boodschappen"]
    for post in posts:
        path = "hulpvragen" if post.kind == REQUEST else "hulpaanbod"
        urls += [f"/voor-elkaar/{path}/{post.id}", f"/api/v1/{path}/{post.id}"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        yield url, response.get_data(as_text=True)


def exact_forms(value):
    return {repr(value), str(value), *(f"{value:.{n}f}" for n in (4, 5, 6))}


@pytest.mark.parametrize("who", [None, "inwoner_b"])
def test_no_route_shows_the_exact_point_the_address_or_contact_details(client, login, private_posts, who):
    login(who)
    author = private_posts[0].author
    forbidden = {ADDRESS, "Hoofdstraat", author.email, author.phone, "11223344", "7942 JE",
                 "12345678", "1234 5678", "hulp@voorbeeld.example", "123456", "98765432", *SECRETS.values()}
    for post in private_posts:
        public = post.public_point
        for exact, shown in zip(post.exact_point, public):
            clash = exact_forms(exact) & exact_forms(shown)
            assert not clash, "fixture: pick a place whose exact point differs from its cell centre"
            forbidden |= exact_forms(exact)
    for url, body in public_bodies(client, private_posts):
        leaked = [value for value in forbidden if value in body]
        assert not leaked, (url, leaked)
        assert "[verborgen]" in body or url.startswith(("/voor-elkaar/kaart", "/api/v1/hulpaanbod?")), url


def test_the_public_point_is_the_same_on_every_request(client, private_posts):
    vraag = private_posts[0]
    assert vraag.public_point == public_point(*vraag.exact_point, vraag.woonplaats, vraag.gemeente) != vraag.exact_point
    html_points, json_points, marker_points = set(), set(), set()
    for _ in range(100):
        html = client.get(f"/voor-elkaar/hulpvragen/{vraag.id}").get_data(as_text=True)
        html_points.add(re.search(r'data-lat="([^"]+)" data-lon="([^"]+)"', html).groups())
        point = client.get(f"/api/v1/hulpvragen/{vraag.id}").get_json()["point"]
        json_points.add((point["lat"], point["lon"]))
        marker_points |= {(m["lat"], m["lon"]) for m in client.get("/voor-elkaar/kaart").get_json()
                          if m["id"] == vraag.id}
    assert html_points == {tuple(str(v) for v in vraag.public_point)}
    assert json_points == marker_points == {vraag.public_point}


def test_typed_phone_numbers_and_addresses_are_masked(client, private_posts):
    vraag = private_posts[0]
    page = client.get(f"/voor-elkaar/hulpvragen/{vraag.id}").get_data(as_text=True)
    assert "Boodschappen, bel [verborgen]" in page
    assert "Mail naar [verborgen] of bel [verborgen]." in page
    body = client.get(f"/api/v1/hulpvragen/{vraag.id}").get_json()
    assert body["title"] == "Boodschappen, bel [verborgen]"
    assert body["description"] == "Mail naar [verborgen] of bel [verborgen]."
    assert body["when_note"] == "na [verborgen] bellen"
    assert body["posted_by"] == "Geplaatst door een familielid"
