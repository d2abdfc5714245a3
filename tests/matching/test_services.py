"""The matching services: one match per (vraag, helper), who may react, propose and decide, and feedback."""
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select, update

from tests.factories import make_post
from tests.mail.helpers import outbox
from tests.matching.conftest import FIRST_MESSAGE
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.matching import access, queries, services
from webapp.matching.access import NotAllowed
from webapp.matching.models import (ACCEPTED, BY_ASKER, BY_COORDINATOR, BY_HELPER, CANCELLED, COMPLETED, CONFIRMED,
                                    PROPOSED, Match, MatchFeedback)
from webapp.moderation import blocking
from webapp.posts.models import Post
from webapp.posts.vocab import CONCEPT, DONE, EXPIRED, MATCHED, OPEN, PENDING, REJECTED, WITHDRAWN


def _count(model=Match):
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_reaction_makes_one_match_per_vraag_and_helper(app, people, vraag):
    first = services.react_to_request(vraag, people["helper"], FIRST_MESSAGE)
    second = services.react_to_request(vraag, people["helper"], "Of woensdag?")
    assert first.id == second.id and _count() == 1
    assert [m.body for m in first.messages] == [FIRST_MESSAGE, "Of woensdag?"]
    assert (first.status, first.started_by, first.gemeente) == (PROPOSED, BY_HELPER, vraag.gemeente)
    services.react_to_request(vraag, people["other"], "Ik ook")
    assert _count() == 2


@pytest.mark.parametrize("status", [CONCEPT, PENDING, MATCHED, DONE, WITHDRAWN, EXPIRED, REJECTED])
def test_a_post_that_is_not_open_is_refused(app, people, status):
    vraag = make_post("hulpvraag", author=people["asker"], status=status)
    aanbod = make_post("hulpaanbod", author=people["helper"], status=status)
    with pytest.raises(RuleViolation):
        services.react_to_request(vraag, people["helper"], FIRST_MESSAGE)
    with pytest.raises(RuleViolation):
        services.react_to_offer(aanbod, people["asker"], make_post(author=people["asker"]), FIRST_MESSAGE)
    assert _count() == 0


def test_reacting_to_ones_own_post_is_refused(app, people, vraag, aanbod):
    with pytest.raises(RuleViolation) as refused:
        services.react_to_request(vraag, people["asker"], FIRST_MESSAGE)
    assert "eigen" in refused.value.reasons[0][1]
    with pytest.raises(RuleViolation):
        services.react_to_offer(aanbod, people["helper"], make_post(author=people["helper"]), FIRST_MESSAGE)
    assert _count() == 0


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
def test_an_empty_or_too_long_message_is_refused(app, people, vraag, text):
    with pytest.raises(RuleViolation) as refused:
        services.react_to_request(vraag, people["helper"], text)
    assert refused.value.reasons[0][0] == "message" and _count() == 0


def test_the_asker_answers_an_aanbod_with_an_own_open_vraag(app, people, vraag, aanbod):
    match = services.react_to_offer(aanbod, people["asker"], vraag, "Kunt u mij helpen?")
    assert (match.helper_id, match.offer_id, match.started_by) == (people["helper"].id, aanbod.id, BY_ASKER)
    again = services.react_to_request(vraag, people["helper"], "Zeker!")
    assert again.id == match.id and _count() == 1


@pytest.mark.parametrize("whose, status", [("other", OPEN), ("asker", PENDING), ("asker", DONE)])
def test_the_vraag_for_an_aanbod_must_be_the_askers_own_and_open(app, people, aanbod, whose, status):
    vraag = make_post("hulpvraag", author=people[whose], status=status)
    with pytest.raises(RuleViolation) as refused:
        services.react_to_offer(aanbod, people["asker"], vraag, "Hallo")
    assert refused.value.reasons[0][0] == "request_id" and _count() == 0


def test_a_closed_conversation_takes_no_new_reaction(app, people, vraag, make_match):
    make_match(CANCELLED)
    with pytest.raises(RuleViolation):
        services.react_to_request(vraag, people["helper"], "Toch nog?")


def test_a_coordinator_of_the_gemeente_proposes(app, people, vraag, aanbod):
    match = services.propose(vraag, people["coordinator"], offer=aanbod)
    assert (match.started_by, match.proposed_by_id, match.helper_id) == (
        BY_COORDINATOR, people["coordinator"].id, people["helper"].id)
    with pytest.raises(RuleViolation):  # the same pair again
        services.propose(vraag, people["coordinator"], offer=aanbod)
    with pytest.raises(RuleViolation):  # the asker as their own helper
        services.propose(vraag, people["coordinator"], offer=make_post("hulpaanbod", author=people["asker"]))
    for outsider in ("coordinator_elders", "beheerder_elders", "other"):
        with pytest.raises(NotAllowed):
            services.propose(vraag, people[outsider], offer=make_post("hulpaanbod", author=people["other"]))
    assert _count() == 1


@pytest.mark.parametrize("action, who, status", [
    ("accept", "helper", PROPOSED), ("accept", "coordinator", PROPOSED), ("accept", "other", PROPOSED),
    ("withdraw", "other", PROPOSED), ("withdraw", "coordinator", PROPOSED),
    ("confirm", "asker", ACCEPTED), ("confirm", "helper", ACCEPTED), ("confirm", "coordinator_elders", ACCEPTED),
    ("confirm", "beheerder_elders", ACCEPTED), ("cancel", "helper", ACCEPTED),
    ("cancel", "coordinator_elders", ACCEPTED),
    ("complete", "other", CONFIRMED), ("complete", "coordinator_elders", CONFIRMED),
])
def test_only_the_right_people_decide(app, people, make_match, action, who, status):
    match = make_match(status)
    arguments = {"cancel": ("Reden",), "complete": ("goed",)}.get(action, ())
    with pytest.raises(NotAllowed):
        getattr(services, action)(match, people[who], *arguments)
    db.session.refresh(match)
    assert match.status == status


def test_confirming_links_the_vraag_and_ends_the_other_conversations(app, people, vraag, make_match):
    other = services.react_to_request(vraag, people["other"], "Ik kan ook")
    match = make_match(CONFIRMED)
    assert (match.status, match.request.status) == (CONFIRMED, MATCHED)
    assert other.status == CANCELLED and "andere helper" in other.cancel_reason
    services.cancel(match, people["coordinator"], "De helper is ziek")
    assert (match.status, match.request.status, match.cancel_reason) == (CANCELLED, OPEN, "De helper is ziek")


def test_cancel_needs_a_reason(app, people, make_match):
    match = make_match(ACCEPTED)
    with pytest.raises(RuleViolation) as refused:
        services.cancel(match, people["coordinator"], "  ")
    assert refused.value.reasons[0][0] == "reason" and match.status == ACCEPTED


def test_completing_asks_each_side_once_how_it_went(app, people, make_match):
    match = make_match(CONFIRMED)
    with pytest.raises(RuleViolation) as refused:
        services.complete(match, people["asker"], None)
    assert refused.value.reasons[0][0] == "verdict" and match.status == CONFIRMED
    services.complete(match, people["asker"], "goed", "Fijne hulp")
    assert (match.status, match.request.status) == (COMPLETED, DONE)
    with pytest.raises(RuleViolation):
        services.complete(match, people["asker"], "redelijk")
    services.complete(match, people["helper"], "niet_goed")
    answers = {(f.user_id, f.verdict, f.comment) for f in db.session.scalars(select(MatchFeedback))}
    assert answers == {(people["asker"].id, "goed", "Fijne hulp"), (people["helper"].id, "niet_goed", None)}


def test_messages_only_in_an_active_conversation(app, people, make_match):
    match = make_match(ACCEPTED)
    services.post_message(match, people["coordinator"], "Ik bel u morgen.")
    with pytest.raises(NotAllowed):
        services.post_message(match, people["other"], "Hallo")
    services.withdraw(match, people["asker"])
    with pytest.raises(NotAllowed):
        services.post_message(match, people["helper"], "Jammer")
    assert len(match.messages) == 2


def test_a_blocked_side_is_never_confirmed(app, people, make_match):
    """Blocking stops an abusive account: its contact details must not go out, nor the other side's to it."""
    match = make_match(ACCEPTED)
    blocking.block(people["helper"], people["coordinator"], "Misbruik")
    with pytest.raises(RuleViolation) as refused:
        services.confirm(match, people["coordinator"])
    assert refused.value.reasons[0][0] == "match"
    db.session.refresh(match)
    assert (match.status, match.request.status) == (ACCEPTED, OPEN)
    assert not [mail for mail in outbox() if mail.kind == "matching/confirmed"]


@pytest.mark.parametrize("closed", [WITHDRAWN, EXPIRED])
def test_accepting_and_confirming_need_an_open_vraag(app, people, make_match, closed):
    """A helper for a vraag the asker withdrew (or that expired) can no longer be accepted or confirmed.

    Closing a vraag cancels its open matches (test_closing.py); this guard holds even for a match that was not
    cancelled with it (e.g. written by another process at that moment), so the status is set directly here.
    """
    proposed, accepted = make_match(PROPOSED), make_match(ACCEPTED, request=make_post(author=people["asker"]))
    for match in (proposed, accepted):
        db.session.execute(update(Post).where(Post.id == match.request_id).values(status=closed))
    db.session.commit()
    db.session.expire_all()
    assert not access.may(proposed, "accept", people["asker"])
    assert not access.may(accepted, "confirm", people["coordinator"])
    for match, action, user in ((proposed, "accept", "asker"), (accepted, "confirm", "coordinator")):
        with pytest.raises(RuleViolation) as refused:
            getattr(services, action)(match, people[user])
        assert refused.value.reasons[0][0] == "status", action
        db.session.refresh(match)
        assert match.status in (PROPOSED, ACCEPTED) and match.request.status in (WITHDRAWN, EXPIRED)


def test_conversation_times_are_compared_and_shown_as_utc():
    """PostgreSQL returns times in the session's zone: summer (+02:00) and winter (+01:00) times must compare in
    UTC, and the page (which reads naive times as UTC) must not show local wall time as UTC."""
    summer = datetime(2024, 7, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    winter = datetime(2024, 12, 1, 11, 30, tzinfo=timezone(timedelta(hours=1)))
    assert queries._comparable(summer) == datetime(2024, 7, 1, 10, 0)
    assert queries._comparable(winter) == datetime(2024, 12, 1, 10, 30)
    assert queries._comparable(datetime(2024, 7, 1, 10, 0)) == datetime(2024, 7, 1, 10, 0)  # SQLite: naive UTC
