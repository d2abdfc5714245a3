"""Deleting an account anonymises its posts (kept for the statistics); the data download lists them."""
import json

from tests.conftest import PASSWORD
from tests.factories import make_post
from tests.posts.helpers import reload
from webapp import search
from webapp.posts.vocab import CONCEPT, DONE, OFFER, OPEN, PENDING, REQUEST, WITHDRAWN

PERSONAL = dict(behalf_name="Mevrouw Jansen", behalf_relation="mantelzorger", contact_choice="hulpvrager",
                contact_name="Mevrouw Jansen", contact_phone="0522 123 456", contact_email="jansen@example.org")


def test_delete_anonymises_posts(client, login):
    author = login("inwoner")
    posts = {status: make_post(REQUEST, author=author, status=status, title=f"Boodschappen {status}", **PERSONAL)
             for status in (CONCEPT, PENDING, OPEN, DONE)}
    offer = make_post(OFFER, author=author, title="Tuinhulp", place="Nijeveen")
    posts[OPEN].pending_changes = {"contact_phone": "06 11111111"}
    keep = {status: (post.public_point, post.woonplaats, post.gemeente, post.categories)
            for status, post in posts.items()}
    response = client.post("/account/verwijderen", data={"password": PASSWORD})
    assert response.status_code == 302
    for status, post in posts.items():
        post = reload(post)
        assert post.status == (DONE if status == DONE else WITHDRAWN)
        assert (post.public_point, post.woonplaats, post.gemeente, post.categories) == keep[status]
        assert post.exact_point == post.public_point and post.place_text is None
        assert (post.behalf_name, post.contact_name, post.contact_phone, post.contact_email) == (None,) * 4
        assert post.pending_changes is None and post.anonymised_at is not None and post.author_id is None
        assert post.behalf_relation == "mantelzorger"  # no person in it; the statistics count it
    assert reload(offer).status == WITHDRAWN
    assert search.search_kind(REQUEST, "boodschappen").hits == []


def test_the_data_download_lists_my_posts_only(client, login, accounts):
    author = login("inwoner")
    make_post(REQUEST, author=author, title="Mijn vraag", **PERSONAL)
    make_post(REQUEST, author=accounts["inwoner_b"], title="Van de buurvrouw")
    data = json.loads(client.get("/account/mijn-gegevens.json").get_data(as_text=True))
    [post] = data["voor elkaar"]
    assert (post["title"], post["contact_phone"], post["place_text"]) == ("Mijn vraag", "0522 123 456", "7941 AB")
