"""An edit of an open post waits for a coördinator: the public version (and the index) stay as they were."""
from tests.factories import make_post
from tests.posts.helpers import offer_form, reload, request_form
from webapp import search
from webapp.extensions import db
from webapp.posts import publishing
from webapp.posts.vocab import OFFER, OPEN, REQUEST


def _approve(post):
    publishing.apply_pending(post)
    db.session.commit()


def test_an_edit_of_an_open_post_is_held_until_approved(client, login):
    author = login("inwoner")
    post = make_post(REQUEST, author=author, title="Boodschappen gezocht", place="7941 AB")
    old_point = post.public_point
    response = client.post(f"/voor-elkaar/mijn/{post.id}/bewerken",
                           data=request_form(title="Hulp met de tuin", category="tuin", place="Nijeveen"),
                           follow_redirects=True)
    assert "Uw wijziging wacht op controle." in response.get_data(as_text=True)
    post = reload(post)
    assert (post.status, post.title, post.categories, post.public_point) == (OPEN, "Boodschappen gezocht",
                                                                            "boodschappen", old_point)
    assert post.pending_changes["title"] == "Hulp met de tuin"
    assert post.pending_changes["woonplaats"] == "Nijeveen"
    assert [hit.row_id for hit in search.search_kind(REQUEST, "boodschappen").hits] == [post.id]
    assert search.search_kind(REQUEST, "tuin").hits == []

    form = client.get(f"/voor-elkaar/mijn/{post.id}/bewerken").get_data(as_text=True)
    assert 'value="Hulp met de tuin"' in form and 'value="Nijeveen"' in form
    assert "Uw wijziging wacht op controle." in client.get("/voor-elkaar/mijn").get_data(as_text=True)

    _approve(post)
    post = reload(post)
    assert (post.title, post.categories, post.woonplaats, post.pending_changes) == ("Hulp met de tuin", "tuin",
                                                                                   "Nijeveen", None)
    assert post.public_point != old_point
    assert [hit.row_id for hit in search.search_kind(REQUEST, "tuin").hits] == [post.id]


def test_only_what_changed_waits_and_a_second_edit_keeps_the_pending_place(client, login):
    author = login("inwoner")
    post = make_post(OFFER, author=author, title="Tuinman", place="7941 AB", categories="tuin",
                     availability="ma-ochtend")
    form = offer_form(title="Tuinman", categories=["tuin"], availability=["ma-ochtend"], place="Nijeveen")
    client.post(f"/voor-elkaar/mijn/{post.id}/bewerken", data=form)
    pending = reload(post).pending_changes
    assert {"place_text", "woonplaats", "latitude"} <= set(pending) and "title" not in pending
    client.post(f"/voor-elkaar/mijn/{post.id}/bewerken", data={**form, "title": "Tuinvrouw"})
    pending = reload(post).pending_changes
    assert (pending["title"], pending["woonplaats"]) == ("Tuinvrouw", "Nijeveen")


def test_editing_back_to_the_public_version_leaves_nothing_waiting(client, login):
    author = login("inwoner")
    form = request_form(title="Boodschappen gezocht")
    post = make_post(REQUEST, author=author, title=form["title"], description=form["description"],
                     contact_choice="mijn")
    client.post(f"/voor-elkaar/mijn/{post.id}/bewerken", data={**form, "title": "Anders"})
    assert reload(post).pending_changes == {"title": "Anders"}
    response = client.post(f"/voor-elkaar/mijn/{post.id}/bewerken", data=form, follow_redirects=True)
    assert "Er wacht geen wijziging meer" in response.get_data(as_text=True)
    assert reload(post).pending_changes is None


def test_withdrawing_drops_a_waiting_edit(client, login):
    author = login("inwoner")
    post = make_post(REQUEST, author=author, title="Boodschappen gezocht")
    client.post(f"/voor-elkaar/mijn/{post.id}/bewerken", data=request_form(title="Anders"))
    client.post(f"/voor-elkaar/mijn/{post.id}/intrekken")
    post = reload(post)
    assert (post.status, post.pending_changes, post.title) == ("ingetrokken", None, "Boodschappen gezocht")
