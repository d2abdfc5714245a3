"""The life cycle of a post, in one place: which status may follow which, for a vraag and an aanbod.

Every status change goes through `move`; services never assign `post.status` themselves.
An aanbod has no gekoppeld/afgerond: it stays open through several matches until withdrawn or expired.
"""
from blinker import Namespace
from flask_babel import gettext as _

from webapp.accounts.models import is_blocked_in
from webapp.errors import RuleViolation
from webapp.models_base import utcnow
from webapp.posts.vocab import (CONCEPT, DONE, EXPIRED, MATCHED, OFFER, OPEN, PENDING, REJECTED, REQUEST,
                                STATUS_LABELS, WITHDRAWN)

# action -> {from status: to status}
_COMMON = {
    "submit": {CONCEPT: PENDING},
    "approve": {PENDING: OPEN},
    "reject": {PENDING: REJECTED},
    "revise": {REJECTED: CONCEPT},  # the author edits a rejected post and may submit it again
    "withdraw": {CONCEPT: WITHDRAWN, PENDING: WITHDRAWN, OPEN: WITHDRAWN},
    "expire": {OPEN: EXPIRED},
    "renew": {OPEN: OPEN, EXPIRED: OPEN},
}
_REQUEST_ONLY = {
    "match": {OPEN: MATCHED},
    "unmatch": {MATCHED: OPEN},  # the confirmed match was cancelled: the vraag is open again
    "complete": {MATCHED: DONE},
    "withdraw": {**_COMMON["withdraw"], MATCHED: WITHDRAWN},
}
TRANSITIONS = {
    REQUEST: {**_COMMON, **_REQUEST_ONLY},
    OFFER: dict(_COMMON),
}
FINAL = {WITHDRAWN, DONE}
signals = Namespace()
# Sent as (post, now=...) when a post closes (ingetrokken, verlopen), inside the caller's transaction, so what hangs
# on the post closes with it: matching connects the cancelling of the vraag's open conversations.
post_closing = signals.signal("post-closing")
# Sent as (post) when a coördinator approves a new post (it goes public), inside that transaction: alerts connects
# the mails to residents who asked to hear of new posts near them.
post_published = signals.signal("post-published")
EDITABLE = {CONCEPT, PENDING, OPEN, REJECTED}


def allowed(post, action):
    return post.status in TRANSITIONS[post.kind].get(action, {})


def target(post, action):
    """The status `action` leads to from the post's status; RuleViolation when it is not allowed."""
    try:
        return TRANSITIONS[post.kind][action][post.status]
    except KeyError:
        raise RuleViolation([("status", _("Dit kan niet meer: het bericht staat op ‘%(status)s’.",
                                          status=STATUS_LABELS.get(post.status, post.status)))]) from None


def move(post, action, now=None):
    """Change the post's status by `action` and stamp the moment; the caller commits."""
    new_status = target(post, action)
    now = now or utcnow()
    if action == "submit":
        if is_blocked_in(post.author or post.author_id, post.gemeente):
            raise RuleViolation([("status", _("U kunt in de gemeente %(gemeente)s geen berichten meer plaatsen.",
                                              gemeente=post.gemeente))])
        post.submitted_at = now
    if new_status == OPEN and post.published_at is None:
        post.published_at = now
    if new_status in FINAL or new_status in (EXPIRED, REJECTED):
        post.closed_at = now
    elif new_status == OPEN:
        post.closed_at = None
    post.status = new_status
    if new_status in (WITHDRAWN, EXPIRED):
        post_closing.send(post, now=now)
    if action == "approve":
        post_published.send(post)
    return new_status
