"""After the help: a planned date per match, "Hoe ging het?" after it (a mail with a signed link, no login), one
reminder two weeks later, then the coördinator's list. Every answer reaches the coördinatoren; a bad one is flagged
until a coördinator writes a note.

`run` is the daily job (`flask koppelingen follow-up`); the rest are the rules and lists the pages use.
"""
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import exists, select

from webapp.accounts.models import User
from webapp.database import write_block
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.matching import notify
from webapp.matching.models import CONFIRMED, Match, MatchFeedback
from webapp.matching.planning import is_due, planned_on  # noqa: F401  (part of this module's interface)
from webapp.models_base import utcnow
from webapp.site import absolute_url

REMIND_AFTER = timedelta(days=14)  # not closed two weeks after "Hoe ging het?": one reminder, then the list
LINK_LIFETIME = timedelta(days=120)
BAD = "niet_goed"
_SALT = "hoe-ging-het"


def feedback_url(match, user):
    token = _serializer().dumps({"match": match.id, "user": user.id}, salt=_SALT)
    return absolute_url("matching.how_did_it_go", token=token)


def read_link(token):
    """(match, user) of a "Hoe ging het?" link; a Dutch RuleViolation when it is broken, too old or no longer fits."""
    try:
        payload = _serializer().loads(token, salt=_SALT, max_age=int(LINK_LIFETIME.total_seconds()))
        match, user = db.session.get(Match, str(payload["match"])), db.session.get(User, str(payload["user"]))
    except (BadSignature, KeyError, TypeError):
        match = user = None
    if match is None or user is None or user.id not in (match.helper_id, match.request.author_id):
        raise RuleViolation([("token", _("Deze link werkt niet (meer). Log in en kijk bij Mijn voor elkaar."))])
    return match, user


def _serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"])


@dataclass
class Outcome:
    asked: int
    reminded: int


def run(now=None):
    """Ask the sides of every match whose planned day has passed, once; remind once two weeks later."""
    now = now or utcnow()
    today = now.date()
    with write_block():
        asked = db.session.scalars(select(Match).where(
            Match.status == CONFIRMED, Match.planned_on < today, Match.follow_up_sent_at.is_(None))).all()
        for match in asked:
            match.follow_up_sent_at = now
            notify.follow_up(match, _answered(match), feedback_url)
        reminded = db.session.scalars(select(Match).where(
            Match.status == CONFIRMED, Match.follow_up_sent_at <= now - REMIND_AFTER,
            Match.reminder_sent_at.is_(None))).all()
        for match in reminded:
            match.reminder_sent_at = now
            notify.follow_up(match, _answered(match), feedback_url, reminder=True)
    return Outcome(asked=len(asked), reminded=len(reminded))


def _answered(match):
    return {answer.user_id for answer in match.feedback}


def to_follow_up(gemeenten):
    """Matches still open after the reminder: the coördinator calls or closes them."""
    return db.session.scalars(select(Match).where(
        Match.gemeente.in_(gemeenten), Match.status == CONFIRMED, Match.reminder_sent_at.is_not(None))
        .order_by(Match.reminder_sent_at)).all()


def bad_outcomes(gemeenten):
    """Matches someone said went 'niet goed', until a coördinator wrote a note about them."""
    bad = exists().where(MatchFeedback.match_id == Match.id, MatchFeedback.verdict == BAD)
    return db.session.scalars(select(Match).where(
        Match.gemeente.in_(gemeenten), bad, Match.coordinator_note.is_(None)).order_by(Match.created_at)).all()


def recent_outcomes(gemeenten, limit=50):
    """The latest answers to "Hoe ging het?" in these gemeenten, newest first, bad ones flagged by the page."""
    return db.session.scalars(select(MatchFeedback).join(Match).where(Match.gemeente.in_(gemeenten))
                              .order_by(MatchFeedback.created_at.desc()).limit(limit)).all()
