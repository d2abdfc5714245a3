"""Who may do what with a match: the two sides (asker and helper) and the coördinatoren of its gemeente.

Routes use `may` to show only the actions a viewer has; services use `require` so the rule holds for any caller.
"""
from flask_babel import gettext as _

from webapp.accounts.acting import has_acted_for
from webapp.accounts.models import is_blocked_in
from webapp.errors import RuleViolation
from webapp.matching import lifecycle
from webapp.matching.planning import is_due
from webapp.matching.models import ACCEPTED, BY_COORDINATOR, PROPOSED
from webapp.matching.vocab import ACTIVE, CONTACT_SHARED


class NotAllowed(RuleViolation):
    """This user may not do this with this match (a route answers 403)."""

    def __init__(self):
        super().__init__([("match", _("U mag dit niet doen bij deze koppeling."))])


def is_asker(match, user):
    return user is not None and match.request.author_id is not None and match.request.author_id == user.id


def is_helper(match, user):
    return user is not None and match.helper_id is not None and match.helper_id == user.id


def is_side(match, user):
    return is_asker(match, user) or is_helper(match, user)


def coordinates(match, user):
    """A coördinator (or beheerder) who works for the gemeente of the match."""
    return (user is not None and user.is_authenticated and user.has_role("coordinator")
            and user.works_for(match.gemeente))


def helper_agreed(match):
    return match.helper_agreed_at is not None


def waits_for_helper(match):
    """A coördinator's proposal reaches the helper first: the asker sees it once the helper said yes."""
    return match.started_by == BY_COORDINATOR and not helper_agreed(match)


def sees(match, user):
    """A side who may see the conversation now."""
    return is_helper(match, user) or (is_asker(match, user) and not waits_for_helper(match))


def second_pair_of_eyes(match, user):
    """Four eyes: a coördinator who acted for either side (an intake account) does not confirm the match."""
    return not has_acted_for(user, match.request.author, match.helper)


def gave_feedback(match, user):
    return any(answer.user_id == user.id for answer in match.feedback)


_RULES = {
    "view": lambda m, u: sees(m, u) or coordinates(m, u),
    "message": lambda m, u: ((sees(m, u) and not is_blocked_in(u, m.gemeente)) or coordinates(m, u))
                            and m.status in ACTIVE,
    "agree": lambda m, u: is_helper(m, u) and not helper_agreed(m) and m.status in (PROPOSED, ACCEPTED),
    "accept": lambda m, u: is_asker(m, u) and helper_agreed(m) and lifecycle.allowed(m, "accept"),
    "withdraw": lambda m, u: is_side(m, u) and lifecycle.allowed(m, "withdraw"),
    # A coördinator never confirms or cancels a match they are a side of themselves.
    "confirm": lambda m, u: (coordinates(m, u) and not is_side(m, u) and helper_agreed(m)
                             and lifecycle.allowed(m, "confirm") and second_pair_of_eyes(m, u)),
    "cancel": lambda m, u: coordinates(m, u) and not is_side(m, u) and lifecycle.allowed(m, "cancel"),
    # "Hoe ging het?" only after the planned day; a coördinator may close a match at any time.
    "complete": lambda m, u: ((is_side(m, u) and is_due(m)) or coordinates(m, u)) and lifecycle.allowed(m, "complete"),
    "feedback": lambda m, u: is_side(m, u) and m.status in CONTACT_SHARED and is_due(m) and not gave_feedback(m, u),
    "contacts": lambda m, u: (is_side(m, u) or coordinates(m, u)) and m.status in CONTACT_SHARED,
}


def may(match, action, user):
    return _RULES[action](match, user)


def allowed_actions(match, user):
    return {action for action in _RULES if may(match, action, user)}


def require(match, action, user):
    """NotAllowed unless `user` may do `action`; an action the status forbids gives the life cycle's message."""
    if may(match, action, user):
        return
    if action in lifecycle.TRANSITIONS and _RULES["view"](match, user) and not lifecycle.allowed(match, action):
        lifecycle.target(match, action)  # raises the Dutch status message
    if action in ("accept", "confirm") and _RULES["view"](match, user) and not helper_agreed(match):
        raise RuleViolation([("match", _("De helper heeft nog niet gezegd dat hij of zij wil helpen."))])
    if action == "confirm" and coordinates(match, user) and not second_pair_of_eyes(match, user):
        raise RuleViolation([("match", _("U heeft namens een van beide kanten gehandeld. Een andere coördinator "
                                         "van de gemeente bevestigt deze koppeling."))])
    raise NotAllowed()
