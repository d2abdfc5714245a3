"""The moderation log and the one check every moderation action makes: may this person act for the gemeente."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.moderation.models import ModerationAction

# What the log page calls each action. Other packages that call `record` may add their own labels here.
ACTION_LABELS = {
    "approve": _l("Bericht goedgekeurd"),
    "reject": _l("Bericht afgewezen"),
    "approve_edit": _l("Wijziging goedgekeurd"),
    "reject_edit": _l("Wijziging afgewezen"),
    "report_upheld": _l("Melding gegrond: bericht offline"),
    "report_dismissed": _l("Melding ongegrond"),
    "block": _l("Gebruiker geblokkeerd in deze gemeente"),
    "block_everywhere": _l("Gebruiker overal geblokkeerd"),
    "withdraw_blocked": _l("Bericht ingetrokken (gebruiker geblokkeerd)"),
    # Actions other packages log through `record` (an unknown action is shown as it is stored).
    "confirm_match": _l("Koppeling bevestigd"),
    "cancel_match": _l("Koppeling gestopt"),
    "propose_match": _l("Helper gevraagd (voorstel)"),
    "note_match": _l("Notitie bij een koppeling"),
    "refer": _l("Doorverwezen naar een voorziening"),
    "expire": _l("Bericht verlopen"),
}
REASON_MAX = 1000  # characters of free text in a reason, a note or a report


def action_label(action):
    return ACTION_LABELS.get(action, action)


def may_moderate(actor, gemeente):
    """Coördinatoren (and beheerders, who have coördinator rights) of this gemeente."""
    return bool(actor is not None and actor.has_role("coordinator") and actor.works_for(gemeente))


def require_moderator(actor, gemeente):
    """RuleViolation unless `actor` may moderate `gemeente` (the caller's write_block() rolls back)."""
    if not may_moderate(actor, gemeente):
        raise RuleViolation([("actor", _("U bent geen coördinator van de gemeente %(gemeente)s.",
                                         gemeente=gemeente))])


def clean_reason(text, field="reason", required=True):
    """The reason without surrounding space; Dutch RuleViolation when it is missing or too long."""
    text = (text or "").strip()
    if required and not text:
        raise RuleViolation([(field, _("Vul een reden in."))])
    if len(text) > REASON_MAX:
        raise RuleViolation([(field, _("Gebruik hoogstens %(count)d tekens.", count=REASON_MAX))])
    if "\x00" in text:
        raise RuleViolation([(field, _("Deze tekst bevat een teken dat niet kan."))])
    return text or None


def record(actor, action, gemeente, *, post=None, user=None, report=None, reason=None):
    """Add one row to the moderation log (who, what, when, why); the caller commits.

    `actor` None means the site itself (a timer or command line job).
    """
    entry = ModerationAction(
        gemeente=gemeente, actor_id=actor.id if actor else None,
        actor_name=(actor.display_name if actor else _("Buurtkaart (automatisch)"))[:100], action=action,
        post_id=post.id if post else None, user_id=user.id if user else None,
        report_id=report.id if report else None, reason=reason,
    )
    db.session.add(entry)
    return entry
