"""The decisions on a match: the asker accepts, either side withdraws, a coördinator confirms or cancels,
and a confirmed match is completed with each side's answer to 'hoe ging het?'."""
from flask_babel import gettext as _
from sqlalchemy import select

from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.matching import access, followup, lifecycle, notify
from webapp.matching.models import COMPLETED, Match, MatchFeedback
from webapp.accounts.models import is_blocked_in
from webapp.database import write_block
from webapp.models_base import utcnow
from webapp.moderation.actions import record
from webapp.matching.vocab import ACTIVE, MAX_COMMENT, MAX_REASON, VERDICTS


def agree(match, helper):
    """The helper says yes to a coördinator's proposal or an asker's reaction; the asker hears it."""
    with write_block():
        access.require(match, "agree", helper)
        match.helper_agreed_at = utcnow()
        notify.helper_agreed(match)


def accept(match, asker):
    """The asker accepts the helper; a coördinator of the gemeente confirms next."""
    _decide(match, "accept", asker, "accepted")


def withdraw(match, user):
    """Either side steps back before confirmation."""
    _decide(match, "withdraw", user, "withdrawn")


def confirm(match, coordinator):
    """The coördinator confirms: the vraag is gekoppeld, both sides get each other's contact details by mail,
    and the other open conversations about this vraag end."""
    with write_block():
        access.require(match, "confirm", coordinator)
        _check_sides_active(match)
        lifecycle.move(match, "confirm", coordinator)
        match.planned_on = followup.planned_on(match.request, match.confirmed_at.date())
        record(coordinator, "confirm_match", match.gemeente, post=match.request, user=match.helper)
        for other in _other_active(match):
            lifecycle.move(other, "cancel", coordinator)
            other.cancel_reason = _("Voor deze hulpvraag is een andere helper gevonden.")
            notify.decision(other, "cancelled", coordinator)
        notify.confirmed(match)


def complete(match, user, verdict=None, comment=None):
    """Afronden, by a side (with their answer to 'hoe ging het?') or a coördinator (without).

    A side that did not answer yet may still do so once the match is afgerond.
    """
    with write_block():
        if match.status == COMPLETED and access.is_side(match, user):
            if access.gave_feedback(match, user):
                raise RuleViolation([("verdict", _("U heeft al verteld hoe het ging. Dank u wel!"))])
            _add_feedback(match, user, verdict, comment)
            return
        access.require(match, "complete", user)
        answered = set()
        if access.is_side(match, user):
            _add_feedback(match, user, verdict, comment)
            answered.add(user.id)
        lifecycle.move(match, "complete", user)
        notify.how_did_it_go(match, answered, followup.feedback_url)


def cancel(match, coordinator, reason):
    """A coördinator ends the match, with a reason the two sides can read on the conversation page."""
    with write_block():
        access.require(match, "cancel", coordinator)
        reason = (reason or "").replace("\x00", "").strip()
        if not reason:
            raise RuleViolation([("reason", _("Schrijf waarom u de koppeling annuleert."))])
        if len(reason) > MAX_REASON:
            raise RuleViolation([("reason", _("De reden is te lang (hooguit %(max)d tekens).", max=MAX_REASON))])
        lifecycle.move(match, "cancel", coordinator)
        match.cancel_reason = reason
        record(coordinator, "cancel_match", match.gemeente, post=match.request, user=match.helper, reason=reason)
        notify.decision(match, "cancelled", coordinator)


def write_note(match, coordinator, note):
    """A coördinator's short private note on a match (replaces the earlier one); in the logboek without its text."""
    if not access.coordinates(match, coordinator):
        raise access.NotAllowed()
    note = (note or "").replace("\x00", "").strip()
    if not note:
        raise RuleViolation([("note", _("Schrijf een notitie."))])
    if len(note) > MAX_REASON:
        raise RuleViolation([("note", _("De notitie is te lang (hooguit %(max)d tekens).", max=MAX_REASON))])
    with write_block():
        match.coordinator_note, match.coordinator_note_at = note, utcnow()
        record(coordinator, "note_match", match.gemeente, post=match.request, user=match.helper)


def _decide(match, action, user, decision):
    with write_block():
        access.require(match, action, user)
        lifecycle.move(match, action, user)
        notify.decision(match, decision, user)


def _check_sides_active(match):
    """A blocked (or deleted) account never gets, nor gives, contact details through a confirmation."""
    if any(person is None or is_blocked_in(person, match.gemeente) for person in (match.request.author, match.helper)):
        raise RuleViolation([("match", _("Een van beide kanten is geblokkeerd of heeft geen account meer. "
                                         "Deze koppeling kan niet bevestigd worden. Annuleer de koppeling."))])


def _other_active(match):
    return db.session.scalars(select(Match).where(
        Match.request_id == match.request_id, Match.id != match.id, Match.status.in_(ACTIVE))).all()


def _add_feedback(match, user, verdict, comment):
    if verdict not in VERDICTS:
        raise RuleViolation([("verdict", _("Kies hoe het ging."))])
    comment = (comment or "").replace("\x00", "").strip() or None
    if comment and len(comment) > MAX_COMMENT:
        raise RuleViolation([("comment", _("Uw toelichting is te lang (hooguit %(max)d tekens).", max=MAX_COMMENT))])
    match.feedback.append(MatchFeedback(user_id=user.id, verdict=verdict, comment=comment))
