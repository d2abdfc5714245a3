"""Every legal and illegal status change of a vraag and an aanbod, through the one place that allows them."""
import pytest

from tests.factories import make_post
from webapp import search
from webapp.errors import RuleViolation
from webapp.posts import lifecycle
from webapp.posts.vocab import (CONCEPT, DONE, EXPIRED, MATCHED, OFFER, OPEN, PENDING, REJECTED, REQUEST,
                                STATUS_LABELS, WITHDRAWN)

LEGAL = {
    REQUEST: {
        ("submit", CONCEPT): PENDING, ("approve", PENDING): OPEN, ("reject", PENDING): REJECTED,
        ("revise", REJECTED): CONCEPT, ("withdraw", CONCEPT): WITHDRAWN, ("withdraw", PENDING): WITHDRAWN,
        ("withdraw", OPEN): WITHDRAWN, ("withdraw", MATCHED): WITHDRAWN, ("expire", OPEN): EXPIRED,
        ("renew", OPEN): OPEN, ("renew", EXPIRED): OPEN, ("match", OPEN): MATCHED, ("unmatch", MATCHED): OPEN,
        ("complete", MATCHED): DONE,
    },
    OFFER: {
        ("submit", CONCEPT): PENDING, ("approve", PENDING): OPEN, ("reject", PENDING): REJECTED,
        ("revise", REJECTED): CONCEPT, ("withdraw", CONCEPT): WITHDRAWN, ("withdraw", PENDING): WITHDRAWN,
        ("withdraw", OPEN): WITHDRAWN, ("expire", OPEN): EXPIRED, ("renew", OPEN): OPEN, ("renew", EXPIRED): OPEN,
    },
}
ACTIONS = sorted({action for table in LEGAL.values() for action, _status in table} | {"complete", "match"})
CASES = [(kind, action, status) for kind in LEGAL for action in ACTIONS for status in STATUS_LABELS]


@pytest.mark.parametrize("kind, action, status", CASES)
def test_every_transition_is_allowed_or_refused(app, kind, action, status):
    post = make_post(kind, status=status, commit=False)
    expected = LEGAL[kind].get((action, status))
    if expected is None:
        with pytest.raises(RuleViolation) as refused:
            lifecycle.move(post, action)
        assert str(STATUS_LABELS[status]) in refused.value.reasons[0][1]
        assert post.status == status
    else:
        assert lifecycle.move(post, action) == expected
        assert post.status == expected


def test_only_open_posts_are_in_the_index(app):
    post = make_post(REQUEST, status=PENDING, title="Hulp bij boodschappen in Nijeveen", place="Nijeveen")
    assert search.search_kind(REQUEST, "boodschappen").hits == []
    lifecycle.move(post, "approve")
    from webapp.extensions import db
    db.session.commit()
    hits = search.search_kind(REQUEST, "boodschappen").hits
    assert [hit.row_id for hit in hits] == [post.id]
    assert hits[0].facts.point == post.public_point != post.exact_point
    lifecycle.move(post, "withdraw")
    db.session.commit()
    assert search.search_kind(REQUEST, "boodschappen").hits == []
