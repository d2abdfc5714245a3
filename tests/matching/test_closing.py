"""A vraag that closes takes its open conversations with it: withdrawn or expired, the helpers hear it."""
from datetime import timedelta

import pytest

from tests.mail.helpers import outbox
from webapp.matching.models import ACCEPTED, CANCELLED, CONFIRMED, PROPOSED
from webapp.models_base import utcnow
from webapp.posts import services as post_services
from webapp.posts.expiry import expire_due


@pytest.mark.parametrize("status", [PROPOSED, ACCEPTED])
def test_withdrawing_a_vraag_cancels_its_open_conversations(app, people, vraag, make_match, status):
    match = make_match(status)
    mails_before = len(outbox())
    post_services.withdraw_post(vraag)
    assert match.status == CANCELLED and match.cancel_reason == "De hulpvraag is niet meer open."
    new_mails = outbox()[mails_before:]
    assert [mail.to_address for mail in new_mails] == [people["helper"].email]


def test_an_expired_vraag_cancels_its_open_conversations(app, people, vraag, make_match):
    match = make_match(PROPOSED)
    expire_due(now=utcnow() + timedelta(weeks=9))
    assert vraag.status == "verlopen" and match.status == CANCELLED


def test_a_confirmed_match_stays_when_the_vraag_is_withdrawn(app, people, vraag, make_match):
    match = make_match(CONFIRMED)
    post_services.withdraw_post(vraag)
    assert vraag.status == "ingetrokken" and match.status == CONFIRMED
