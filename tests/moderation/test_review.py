"""Approving and rejecting new posts and edits: the database, the search index, the author's mail, the log."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.factories import make_post
from tests.mail.helpers import aware, now, outbox
from webapp import search
from webapp.accounts.intake import create_intake_account
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.moderation import services
from webapp.moderation.models import ModerationAction
from webapp.posts.models import Post
from webapp.posts.vocab import LIFETIME_WEEKS, OPEN, PENDING, REJECTED


def fresh(post):
    db.session.expire_all()
    return db.session.get(Post, post.id)


def log_rows():
    db.session.expire_all()
    return [(row.action, row.actor_name, row.post_id, row.reason, row.gemeente)
            for row in db.session.scalars(select(ModerationAction).order_by(ModerationAction.created_at))]


def indexed(kind, text):
    return [hit.row_id for hit in search.search_kind(kind, text).hits]


def test_approving_a_new_post_makes_it_public(client, login, accounts, pending):
    assert indexed("hulpvraag", "boodschappen") == []
    login("coordinator")
    response = client.post(f"/coordinator/controle/{pending.id}/goedkeuren", follow_redirects=True)
    assert "Goedgekeurd: het bericht staat op de site." in response.get_data(as_text=True)
    post = fresh(pending)
    assert post.status == OPEN and post.moderation_note is None and post.reminder_sent_at is None
    assert abs(aware(post.expires_at) - (now() + timedelta(weeks=LIFETIME_WEEKS))) < timedelta(minutes=1)
    assert indexed("hulpvraag", "boodschappen") == [post.id]
    [mail] = outbox()
    assert mail.to_address == "inwoner@example.org" and "staat nu op Buurtkaart" in mail.text_body
    assert log_rows() == [("approve", accounts["coordinator"].display_name, post.id, None, "Meppel")]


def test_rejecting_a_new_post_mails_the_reason_to_the_author_only(client, login, accounts, pending):
    login("beheerder")
    response = client.post(f"/coordinator/controle/{pending.id}/afwijzen",
                           data={"reason": "  Schrijf wat u nodig heeft, niet uw adres.  "})
    assert response.status_code == 302
    post = fresh(pending)
    assert post.status == REJECTED and post.moderation_note == "Schrijf wat u nodig heeft, niet uw adres."
    assert indexed("hulpvraag", "boodschappen") == []
    [mail] = outbox()
    assert mail.to_address == "inwoner@example.org"
    assert "niet geplaatst" in mail.text_body
    assert "niet uw adres" in mail.text_body and "niet uw adres" in mail.html_body
    assert log_rows() == [("reject", accounts["beheerder"].display_name, post.id, post.moderation_note, "Meppel")]


def test_an_edit_stays_invisible_until_approved(client, login, accounts, edited):
    assert indexed("hulpaanbod", "tuin") == [edited.id]
    assert indexed("hulpaanbod", "computer") == []
    login("coordinator")
    page = client.get(f"/coordinator/controle/{edited.id}").get_data(as_text=True)
    assert "Ik help met de tuin" in page and "Ik help met de computer" in page and "Mail en internet." in page
    assert client.post(f"/coordinator/controle/{edited.id}/goedkeuren").status_code == 302
    post = fresh(edited)
    assert post.status == OPEN and post.title == "Ik help met de computer" and post.pending_changes is None
    assert post.categories == "computer-en-telefoon"
    assert indexed("hulpaanbod", "computer") == [post.id]
    assert indexed("hulpaanbod", "tuin") == []
    [mail] = outbox()
    assert "nieuwe versie staat nu op Buurtkaart" in mail.text_body
    assert [row[0] for row in log_rows()] == ["approve_edit"]


def test_a_rejected_edit_leaves_the_approved_version_public(client, login, edited):
    login("coordinator")
    assert client.post(f"/coordinator/controle/{edited.id}/afwijzen",
                       data={"reason": "Dit is een ander aanbod: maak een nieuw bericht."}).status_code == 302
    post = fresh(edited)
    assert post.status == OPEN and post.title == "Ik help met de tuin" and not post.pending_changes
    assert post.moderation_note == "Dit is een ander aanbod: maak een nieuw bericht."
    assert indexed("hulpaanbod", "tuin") == [post.id]
    assert indexed("hulpaanbod", "computer") == []
    [mail] = outbox()
    assert "niet overgenomen" in mail.text_body and "maak een nieuw bericht" in mail.text_body
    assert [(row[0], row[3]) for row in log_rows()] == [("reject_edit", post.moderation_note)]


def test_the_queue_lists_new_posts_and_edits_oldest_first(client, login, accounts, pending, edited):
    make_post(author=accounts["inwoner_b"], status=PENDING, title="Een vraag van eergisteren",
              submitted_at=now() - timedelta(days=2))
    make_post(author=accounts["inwoner_b"], status=PENDING, title="Een vraag in Tynaarlo", place="Vries",
              submitted_at=now())
    login("coordinator")
    body = client.get("/coordinator/controle").get_data(as_text=True)
    assert (body.index("Een vraag van eergisteren") < body.index("Hulp bij boodschappen op dinsdag")
            < body.index("Ik help met de tuin"))
    assert "Een vraag in Tynaarlo" not in body
    assert "Nieuw bericht" in body and "Wijziging" in body and "Nijeveen" in body
    client.post(f"/coordinator/controle/{edited.id}/goedkeuren")
    body = client.get("/coordinator/controle").get_data(as_text=True)
    assert "Ik help met de computer" not in body and "Hulp bij boodschappen op dinsdag" in body


def test_the_review_page_shows_private_details_to_the_coordinator(client, login, pending):
    login("coordinator")
    body = client.get(f"/coordinator/controle/{pending.id}").get_data(as_text=True)
    assert "0522 123456" in body and "7941 AB" in body and "inwoner@example.org" in body


@pytest.mark.parametrize("reason", ["", "   ", "x" * 1001])
def test_a_rejection_needs_a_short_reason(client, login, pending, reason):
    login("coordinator")
    response = client.post(f"/coordinator/controle/{pending.id}/afwijzen", data={"reason": reason})
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "Vul een reden in." in body or "Gebruik hoogstens 1000 tekens." in body
    assert fresh(pending).status == PENDING and outbox() == [] and log_rows() == []


def test_the_service_refuses_an_empty_reason_in_dutch(app, accounts, pending):
    with pytest.raises(RuleViolation) as refused:
        services.reject(pending, accounts["coordinator"], " ")
    assert refused.value.reasons == [("reason", "Vul een reden in.")]


def test_approving_twice_says_so_in_dutch(client, login, pending):
    login("coordinator")
    assert client.post(f"/coordinator/controle/{pending.id}/goedkeuren").status_code == 302
    for path, data in ((f"/coordinator/controle/{pending.id}/goedkeuren", {}),
                       (f"/coordinator/controle/{pending.id}/afwijzen", {"reason": "Te laat."})):
        response = client.post(path, data=data)
        assert response.status_code == 400
        assert "hoeft niet (meer) gecontroleerd te worden" in response.get_data(as_text=True)
    assert len(outbox()) == 1 and len(log_rows()) == 1


def test_unknown_ids_are_not_found(client, login):
    login("coordinator")
    for method, path in (("GET", "/coordinator/controle/onbekend"),
                         ("POST", "/coordinator/controle/onbekend/goedkeuren"),
                         ("POST", "/coordinator/controle/onbekend/afwijzen"),
                         ("POST", "/coordinator/meldingen/onbekend"),
                         ("POST", "/coordinator/gebruikers/onbekend/blokkeren"),
                         ("GET", "/coordinator/controle/" + "x" * 500), ("GET", "/voor-elkaar/berichten/x/gemeld")):
        response = client.open(path, method=method, data={"reason": "r"})
        assert response.status_code == 404, path


def test_the_service_refuses_a_coordinator_of_another_gemeente(app, accounts, pending):
    with pytest.raises(RuleViolation) as refused:
        services.approve(pending, accounts["coordinator_elders"])
    assert "geen coördinator van de gemeente Meppel" in refused.value.reasons[0][1]
    assert fresh(pending).status == PENDING and log_rows() == []


def test_an_intake_account_without_email_gets_no_mail(app, accounts, pending):
    resident = create_intake_account(accounts["coordinator"], "Mevrouw Jansen", "7941 AB", "0522 654321", "Meppel")
    pending.author_id = resident.id
    db.session.commit()
    services.approve(pending, accounts["coordinator"])
    assert fresh(pending).status == OPEN and outbox() == []
    assert [row[0] for row in log_rows()] == ["approve"]


def test_a_coordinator_reading_english_still_mails_the_author_in_dutch(client, login, pending):
    login("coordinator")
    client.get("/taal/en")
    page = client.post(f"/coordinator/controle/{pending.id}/goedkeuren", follow_redirects=True).get_data(as_text=True)
    assert "Goedgekeurd: het bericht staat op de site." not in page  # the coordinator reads English
    [mail] = outbox()
    assert mail.subject == "Uw bericht staat op Buurtkaart" and "staat nu op Buurtkaart" in mail.text_body
    assert '<html lang="nl" dir="ltr">' in mail.html_body
