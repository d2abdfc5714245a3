"""Writing a post through the pages: concept or sent, edit, submit, withdraw, renew; the index follows."""
from datetime import timedelta

from tests.factories import make_post
from tests.posts.helpers import SOON, all_posts, offer_form, reload, request_form
from webapp import search
from webapp.models_base import utcnow
from webapp.posts.vocab import (CONCEPT, CONTACT_MINE, CONTACT_THEIRS, EXPIRED, OFFER, OPEN, PENDING, REQUEST,
                                WITHDRAWN)


def test_a_sent_request_waits_for_the_coordinator(client, login):
    user = login("inwoner")
    response = client.post("/voor-elkaar/hulpvraag/nieuw", data=request_form(when_kind="datum", date_from=SOON))
    [post] = all_posts()
    assert response.status_code == 302 and response.location.endswith(f"/voor-elkaar/mijn/{post.id}")
    assert (post.kind, post.status, post.author_id, post.categories) == (REQUEST, PENDING, user.id, "boodschappen")
    assert (post.date_from, post.date_until, post.submitted_at is not None) == (SOON, None, True)
    assert (post.woonplaats, post.gemeente, post.place_text) == ("Meppel", "Meppel", "7941 AB")
    assert post.public_point != post.exact_point
    assert search.search_kind(REQUEST, "boodschappen").hits == []
    page = client.get("/voor-elkaar/mijn").get_data(as_text=True)
    assert post.title in page and "Wacht op controle" in page


def test_a_concept_is_saved_and_submitted_later(client, login):
    login("inwoner")
    client.post("/voor-elkaar/hulpvraag/nieuw", data=request_form(send=None, save="1"))
    [post] = all_posts()
    assert (post.status, post.submitted_at) == (CONCEPT, None)
    assert client.post(f"/voor-elkaar/mijn/{post.id}/indienen").status_code == 302
    assert reload(post).status == PENDING


def test_a_request_on_behalf_keeps_whose_contact_details(client, login):
    login("inwoner")
    client.post("/voor-elkaar/hulpvraag/nieuw", data=request_form(
        for_whom="ander", behalf_name="Mevrouw Jansen", behalf_relation="mantelzorger", contact_choice="hulpvrager",
        consent="y", contact_name="Mevrouw Jansen", contact_phone="0522 123 456"))
    [post] = all_posts()
    assert (post.behalf_name, post.behalf_relation, post.contact_choice) == ("Mevrouw Jansen", "mantelzorger",
                                                                            CONTACT_THEIRS)
    assert (post.contact_name, post.contact_phone, post.contact_email) == ("Mevrouw Jansen", "0522 123 456", None)


def test_contact_details_for_oneself_are_not_kept(client, login):
    login("inwoner")
    client.post("/voor-elkaar/hulpvraag/nieuw", data=request_form(behalf_name="X", contact_phone="0522 123 456"))
    [post] = all_posts()
    assert (post.behalf_name, post.contact_choice, post.contact_phone) == (None, CONTACT_MINE, None)


def test_an_offer_has_categories_slots_and_distance(client, login):
    login("inwoner_b")
    client.post("/voor-elkaar/hulpaanbod/nieuw", data=offer_form(availability=["za-middag", "ma-ochtend"]))
    [post] = all_posts()
    assert (post.kind, post.status, post.woonplaats) == (OFFER, PENDING, "Nijeveen")
    assert (post.categories, post.availability, post.travel_km) == ("tuin,klussen-in-huis", "ma-ochtend,za-middag", 5)


def test_editing_a_pending_post_changes_it_directly(client, login):
    author = login("inwoner")
    post = make_post(REQUEST, author=author, status=PENDING, title="Oud")
    page = client.get(f"/voor-elkaar/mijn/{post.id}/bewerken").get_data(as_text=True)
    assert 'value="Oud"' in page and "Wijziging opslaan" in page
    client.post(f"/voor-elkaar/mijn/{post.id}/bewerken", data=request_form(title="Nieuw", save="1", send=None))
    post = reload(post)
    assert (post.title, post.status, post.pending_changes) == ("Nieuw", PENDING, None)


def test_a_rejected_post_goes_back_to_concept_and_can_be_sent_again(client, login):
    author = login("inwoner")
    post = make_post(REQUEST, author=author, status="afgewezen", moderation_note="Te weinig uitleg")
    assert "Te weinig uitleg" in client.get("/voor-elkaar/mijn").get_data(as_text=True)
    client.post(f"/voor-elkaar/mijn/{post.id}/bewerken", data=request_form(save="1", send=None))
    assert reload(post).status == CONCEPT
    client.post(f"/voor-elkaar/mijn/{post.id}/bewerken", data=request_form())
    assert reload(post).status == PENDING


def test_the_place_is_geocoded_again_only_when_its_text_changed(client, login):
    author = login("inwoner")
    post = make_post(REQUEST, author=author, status=CONCEPT, place="7941 AB")
    moved = make_post(REQUEST, author=author, status=CONCEPT, place="7941 AB")
    post.latitude = moved.latitude = 52.0  # a marker: only a new geocoding changes it
    from webapp.extensions import db
    db.session.commit()
    client.post(f"/voor-elkaar/mijn/{post.id}/bewerken", data=request_form(place=" 7941 AB ", save="1", send=None))
    client.post(f"/voor-elkaar/mijn/{moved.id}/bewerken", data=request_form(place="Nijeveen", save="1", send=None))
    assert reload(post).latitude == 52.0
    moved = reload(moved)
    assert moved.latitude != 52.0 and moved.woonplaats == "Nijeveen"


def test_withdraw_asks_first_and_takes_the_post_out_of_the_index(client, login):
    author = login("inwoner")
    post = make_post(REQUEST, author=author, title="Boodschappen in Nijeveen", place="Nijeveen")
    assert [hit.row_id for hit in search.search_kind(REQUEST, "boodschappen").hits] == [post.id]
    page = client.get(f"/voor-elkaar/mijn/{post.id}?intrekken=1").get_data(as_text=True)
    assert "Weet u zeker dat u dit bericht wilt intrekken?" in page
    assert client.post(f"/voor-elkaar/mijn/{post.id}/intrekken").status_code == 302
    assert reload(post).status == WITHDRAWN
    assert search.search_kind(REQUEST, "boodschappen").hits == []


def test_renew_extends_an_open_post_and_reopens_an_expired_one(client, login):
    author = login("inwoner")
    post = make_post(OFFER, author=author, title="Hulp in de tuin", now=utcnow() - timedelta(weeks=7))
    post.reminder_sent_at = utcnow()
    expired = make_post(OFFER, author=author, status=EXPIRED, title="Hulp bij de computer")
    client.post(f"/voor-elkaar/mijn/{post.id}/verlengen")
    client.post(f"/voor-elkaar/mijn/{expired.id}/verlengen")
    for renewed in (reload(post), reload(expired)):
        assert renewed.status == OPEN and renewed.reminder_sent_at is None
        assert abs((_aware(renewed.expires_at) - utcnow()) - timedelta(weeks=8)) < timedelta(minutes=1)
    assert {hit.row_id for hit in search.search_kind(OFFER, "hulp").hits} == {post.id, expired.id}


def test_a_refused_action_says_why_and_changes_nothing(client, login):
    author = login("inwoner")
    post = make_post(REQUEST, author=author, status=PENDING)
    response = client.post(f"/voor-elkaar/mijn/{post.id}/verlengen", follow_redirects=True)
    assert "Dit kan niet meer: het bericht staat op ‘Wacht op controle’." in response.get_data(as_text=True)
    assert reload(post).status == PENDING


def test_a_coordinator_acting_for_a_resident_posts_as_that_resident(client, login, app):
    from webapp.accounts.intake import create_intake_account
    coordinator = login("coordinator")
    resident = create_intake_account(coordinator, "Meneer Bos", "7941 AB", "0522 111 222", "Meppel")
    client.post(f"/coordinator/inwoners/{resident.id}/namens")
    client.post("/voor-elkaar/hulpvraag/nieuw", data=request_form())
    [post] = all_posts()
    assert post.author_id == resident.id
    assert post.title in client.get("/voor-elkaar/mijn").get_data(as_text=True)


def _aware(moment):
    from tests.mail.helpers import aware
    return aware(moment)


def test_the_forms_show_the_warning_and_the_grid(client, login):
    author = login("inwoner")
    for path in ("/voor-elkaar/hulpvraag/nieuw", "/voor-elkaar/hulpaanbod/nieuw"):
        page = client.get(path).get_data(as_text=True)
        assert "geen gegevens over gezondheid" in page and "worden verborgen" in page
        assert "Opslaan als concept" in page and "Versturen ter controle" in page
    offer = make_post(OFFER, author=author, status=CONCEPT, availability="di-avond,zo-ochtend")
    page = client.get(f"/voor-elkaar/mijn/{offer.id}/bewerken").get_data(as_text=True)
    assert page.count(" checked") == 2 + 1  # two slots and the first category
    assert 'id="beschikbaar-di-avond" value="di-avond" checked' in page
    assert '<span class="bk-visually-hidden">dinsdag avond</span>' in page


def test_my_own_page_shows_my_private_details(client, login):
    author = login("inwoner")
    post = make_post(REQUEST, author=author, title="Voor mijn moeder", place="Nijeveen", behalf_name="Mevrouw Jansen",
                     behalf_relation="mantelzorger", contact_choice=CONTACT_THEIRS, contact_phone="0522 123 456")
    offer = make_post(OFFER, author=author, availability="di-avond", travel_km=7)
    page = client.get(f"/voor-elkaar/mijn/{post.id}").get_data(as_text=True)
    assert "Mevrouw Jansen" in page and "0522 123 456" in page and "Nijeveen" in page and "Intrekken" in page
    page = client.get(f"/voor-elkaar/mijn/{offer.id}").get_data(as_text=True)
    assert "dinsdag avond" in page and "tot 7 km" in page
