"""The life cycle of a match, in one place: which status may follow which, and what it does to the vraag.

voorgesteld -> geaccepteerd (the asker) -> bevestigd (a coördinator) -> afgerond, or geannuleerd on the way.
Every status change of a match goes through `move`; the vraag moves with it through posts.lifecycle.
"""
from flask_babel import gettext as _

from webapp.errors import RuleViolation
from webapp.matching.models import ACCEPTED, CANCELLED, COMPLETED, CONFIRMED, PROPOSED
from webapp.matching.vocab import STATUS_LABELS
from webapp.models_base import utcnow
from webapp.posts import lifecycle as post_lifecycle
from webapp.posts.vocab import MATCHED

# action -> {from status: to status}
TRANSITIONS = {
    "accept": {PROPOSED: ACCEPTED},
    "withdraw": {PROPOSED: CANCELLED, ACCEPTED: CANCELLED},
    "confirm": {ACCEPTED: CONFIRMED},
    "complete": {CONFIRMED: COMPLETED},
    "cancel": {PROPOSED: CANCELLED, ACCEPTED: CANCELLED, CONFIRMED: CANCELLED},
}


# Accepting a helper and confirming lead to a gekoppelde vraag: the vraag must still be open for them.
NEEDS_OPEN_VRAAG = {"accept", "confirm"}


def allowed(match, action):
    return match.status in TRANSITIONS.get(action, {}) and _vraag_allows(match, action)


def target(match, action):
    """The status `action` leads to; RuleViolation (in Dutch) when it is not allowed from here."""
    try:
        new_status = TRANSITIONS[action][match.status]
    except KeyError:
        label = STATUS_LABELS.get(match.status, match.status)
        raise RuleViolation([("status", _("Dit kan niet meer: de koppeling staat op ‘%(status)s’.",
                                          status=label))]) from None
    if not _vraag_allows(match, action):
        post_lifecycle.target(match.request, "match")  # raises the vraag's status message (ingetrokken, verlopen)
    return new_status


def _vraag_allows(match, action):
    return action not in NEEDS_OPEN_VRAAG or post_lifecycle.allowed(match.request, "match")


def move(match, action, actor, now=None):
    """Change the match by `action` (done by `actor`; None for the site itself), stamp it and move the vraag along; the caller commits."""
    new_status = target(match, action)
    now = now or utcnow()
    vraag = match.request
    if action == "accept":
        match.accepted_at = now
    elif action == "confirm":
        post_lifecycle.move(vraag, "match", now)  # refuses when the vraag is no longer open
        match.confirmed_at, match.confirmed_by_id = now, actor.id
    elif action == "complete":
        if post_lifecycle.allowed(vraag, "complete"):  # the author may have withdrawn the vraag meanwhile
            post_lifecycle.move(vraag, "complete", now)
        match.completed_at = now
    else:  # withdraw, cancel
        if match.status == CONFIRMED and vraag.status == MATCHED:
            post_lifecycle.move(vraag, "unmatch", now)  # the vraag is open again for other helpers
        match.cancelled_at, match.cancelled_by_id = now, actor.id if actor else None
    match.status = new_status
    return new_status
