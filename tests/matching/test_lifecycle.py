"""Every legal and illegal status change of a match, and what each does to the vraag."""
import pytest

from tests.factories import make_post
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.matching import lifecycle
from webapp.matching.models import ACCEPTED, CANCELLED, COMPLETED, CONFIRMED, PROPOSED, Match
from webapp.matching.vocab import STATUS_LABELS
from webapp.posts.vocab import DONE, MATCHED, OPEN, WITHDRAWN

LEGAL = {
    ("accept", PROPOSED): ACCEPTED,
    ("withdraw", PROPOSED): CANCELLED, ("withdraw", ACCEPTED): CANCELLED,
    ("confirm", ACCEPTED): CONFIRMED,
    ("complete", CONFIRMED): COMPLETED,
    ("cancel", PROPOSED): CANCELLED, ("cancel", ACCEPTED): CANCELLED, ("cancel", CONFIRMED): CANCELLED,
}
# The vraag's status that goes with each match status, and where the action leaves it.
VRAAG_BEFORE = {PROPOSED: OPEN, ACCEPTED: OPEN, CONFIRMED: MATCHED, COMPLETED: DONE, CANCELLED: OPEN}
VRAAG_AFTER = {("confirm", ACCEPTED): MATCHED, ("complete", CONFIRMED): DONE, ("cancel", CONFIRMED): OPEN}
CASES = [(action, status) for action in lifecycle.TRANSITIONS for status in STATUS_LABELS]


def _match(people, status, vraag_status=None):
    vraag = make_post("hulpvraag", author=people["asker"], status=vraag_status or VRAAG_BEFORE[status])
    match = Match(request=vraag, helper=people["helper"], gemeente=vraag.gemeente, status=status, started_by="helper")
    db.session.add(match)
    db.session.commit()
    return match


def test_every_action_is_in_the_table():
    assert {action for action, _status in LEGAL} == set(lifecycle.TRANSITIONS)


@pytest.mark.parametrize("action, status", CASES)
def test_every_transition_is_allowed_or_refused(app, people, action, status):
    match = _match(people, status)
    expected = LEGAL.get((action, status))
    if expected is None:
        with pytest.raises(RuleViolation) as refused:
            lifecycle.move(match, action, people["coordinator"])
        assert str(STATUS_LABELS[status]) in refused.value.reasons[0][1]
        assert match.status == status and match.request.status == VRAAG_BEFORE[status]
    else:
        assert lifecycle.move(match, action, people["coordinator"]) == expected
        assert match.status == expected
        assert match.request.status == VRAAG_AFTER.get((action, status), VRAAG_BEFORE[status])


@pytest.mark.parametrize("action, stamp", [("accept", "accepted_at"), ("confirm", "confirmed_at"),
                                           ("complete", "completed_at"), ("cancel", "cancelled_at")])
def test_each_step_is_stamped(app, people, action, stamp):
    status = next(status for (name, status) in LEGAL if name == action)
    match = _match(people, status)
    lifecycle.move(match, action, people["coordinator"])
    assert getattr(match, stamp) is not None
    if action == "confirm":
        assert match.confirmed_by_id == people["coordinator"].id
    if action == "cancel":
        assert match.cancelled_by_id == people["coordinator"].id


def test_confirm_is_refused_when_the_vraag_is_no_longer_open(app, people):
    match = _match(people, ACCEPTED, vraag_status=WITHDRAWN)
    with pytest.raises(RuleViolation):
        lifecycle.move(match, "confirm", people["coordinator"])
    assert match.status == ACCEPTED and match.request.status == WITHDRAWN


def test_complete_leaves_a_withdrawn_vraag_alone(app, people):
    match = _match(people, CONFIRMED, vraag_status=WITHDRAWN)
    lifecycle.move(match, "complete", people["asker"])
    assert match.status == COMPLETED and match.request.status == WITHDRAWN
