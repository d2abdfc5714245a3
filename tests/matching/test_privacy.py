"""Contact details only from confirmation on (raw page bodies and mails), masked messages, mails without text."""
import pytest
from flask import render_template
from flask_login import login_user

from tests.factories import make_post
from tests.mail.helpers import outbox
from tests.matching.conftest import ASKER_PHONE, EMAILS, FIRST_MESSAGE, HELPER_PHONE, on_behalf
from webapp.accounts.intake import create_intake_account
from webapp.extensions import db
from webapp.matching import services
from webapp.matching.models import ACCEPTED, CANCELLED, COMPLETED, CONFIRMED, PROPOSED
from webapp.matching.queries import conversations

ASKER = (ASKER_PHONE, EMAILS["asker"])
HELPER = (HELPER_PHONE, EMAILS["helper"])
THEIRS = ("0522 999 888", "oma@example.org")


def _page(client, log_in, match, role):
    log_in(role)
    response = client.get(f"/voor-elkaar/mijn/gesprekken/{match.id}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.mark.parametrize("status, shared", [(PROPOSED, False), (ACCEPTED, False), (CANCELLED, False),
                                            (CONFIRMED, True), (COMPLETED, True)])
def test_contact_details_on_the_page_only_after_confirmation(app, client, people, log_in, make_match, status, shared):
    match = make_match(status)
    for role in ("asker", "helper", "coordinator"):
        body = _page(client, log_in, match, role)
        for detail in ASKER + HELPER:
            assert (detail in body) == shared, (role, detail)
        assert ("Contactgegevens" in body) == shared


def test_on_behalf_the_helper_gets_the_details_of_the_person_helped(app, client, people, log_in, vraag, make_match):
    on_behalf(vraag)
    match = make_match(ACCEPTED)
    body = _page(client, log_in, match, "helper")
    assert not any(detail in body for detail in THEIRS + ASKER) and "Oma" not in body
    services.confirm(match, people["coordinator"])
    body = _page(client, log_in, match, "helper")
    assert all(detail in body for detail in THEIRS) and ASKER_PHONE not in body


def _mail_bodies():
    return [(mail.to_address, mail.kind, mail.text_body + mail.html_body) for mail in outbox()]


def test_mails_carry_no_text_and_no_contact_details_before_confirmation(app, people, vraag, make_match):
    match = make_match(ACCEPTED)
    services.post_message(match, people["helper"], "Mijn nummer is geheim")
    services.propose(vraag, people["coordinator"], offer=make_post("hulpaanbod", author=people["other"]))
    mails = _mail_bodies()
    assert {kind for _to, kind, _body in mails} == {"matching/new_reaction", "matching/new_message",
                                                    "matching/decision", "matching/proposal"}
    for _to, _kind, body in mails:
        assert FIRST_MESSAGE not in body and "geheim" not in body and "/gesprekken/" in body
        assert not any(detail in body for detail in ASKER + HELPER)


def test_the_confirmation_mail_gives_each_side_the_others_details(app, people, make_match):
    match = make_match(ACCEPTED)
    before = len(outbox())
    services.confirm(match, people["coordinator"])
    confirmed = {to: body for to, kind, body in _mail_bodies()[before:] if kind == "matching/confirmed"}
    assert set(confirmed) == {EMAILS["asker"], EMAILS["helper"]}
    assert all(detail in confirmed[EMAILS["asker"]] for detail in HELPER)
    assert all(detail in confirmed[EMAILS["helper"]] for detail in ASKER)
    assert FIRST_MESSAGE not in confirmed[EMAILS["asker"]] + confirmed[EMAILS["helper"]]


def test_intake_accounts_get_no_mail(app, people):
    resident = create_intake_account(people["coordinator"], "Gerrit Zonder Mail", "7941 AB", "0522 123 123", "Meppel")
    vraag = make_post("hulpvraag", author=resident)
    match = services.react_to_request(vraag, people["helper"], FIRST_MESSAGE)
    services.accept(match, resident)
    assert [to for to, _kind, _body in _mail_bodies()] == [EMAILS["helper"]]  # the decision; nothing to the resident


def test_messages_are_masked_until_confirmation_and_then_only_for_the_two_sides(app, client, people, log_in, vraag):
    text = "Bel mij op 06-12345678 of mail piet@example.org"
    match = services.react_to_request(vraag, people["helper"], text)
    services.accept(match, people["asker"])
    for role in ("asker", "helper", "coordinator"):
        body = _page(client, log_in, match, role)
        assert "06-12345678" not in body and "piet@example.org" not in body and "Bel mij op [verborgen]" in body
    services.confirm(match, people["coordinator"])
    body = _page(client, log_in, match, "coordinator")
    assert "06-12345678" not in body and "Bel mij op [verborgen]" in body
    for role in ("asker", "helper"):
        assert text in _page(client, log_in, match, role), role
    db.session.refresh(match)
    assert match.messages[0].body == text  # stored as typed


def test_my_conversations_shows_first_names_only(app, client, people, log_in, make_match):
    make_match(PROPOSED)
    with app.test_request_context():
        body = render_template("matching/_my_conversations.html", conversations=conversations(people["asker"]))
        empty = render_template("matching/_my_conversations.html", conversations=conversations(people["other"]))
    assert "Henk wil u helpen" in body and "Henk Helper" not in body and "Wacht op een ja" in body
    assert "nog geen gesprekken" in empty


@pytest.mark.parametrize("kind, link", [("hulpvraag", "Ik help bij deze vraag"), ("hulpaanbod", "Reageer op dit aanbod")])
def test_post_actions_link_to_reacting_but_not_on_ones_own_post(app, people, kind, link):
    post = make_post(kind, author=people["asker"])
    for user, shown in ((None, True), (people["helper"], True), (people["asker"], False)):
        with app.test_request_context():
            if user:
                login_user(user)
            body = render_template("matching/_post_actions.html", post=post, acting_for=None)
        assert (link in body) == shown and (f"/{post.id}/reageren" in body) == shown


@pytest.mark.parametrize("share, shown, hidden", [("telefoon", HELPER_PHONE, EMAILS["helper"]),
                                                  ("e-mail", EMAILS["helper"], HELPER_PHONE)])
def test_a_confirmed_match_shares_what_the_helper_chose(app, client, people, log_in, make_match, share, shown, hidden):
    people["helper"].share_contact = share
    db.session.commit()
    match = make_match(CONFIRMED)
    body = _page(client, log_in, match, "asker")
    assert shown in body and hidden not in body
    confirmation = [mail for mail in outbox() if mail.kind == "matching/confirmed" and mail.to_address == EMAILS["asker"]]
    assert shown in confirmation[0].text_body and hidden not in confirmation[0].text_body
