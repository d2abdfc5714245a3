"""A resident's conversations when the account goes (privacy.erasure.account_erasing), and in the download."""
from sqlalchemy import or_, select

from webapp.extensions import db
from webapp.matching.contacts import visible_text
from webapp.matching.models import Match
from webapp.posts.models import Post
from webapp.privacy.erasure import TEXT_GONE, Person, scrub


def _matches_of(user):
    asked = select(Post.id).where(Post.author_id == user.id)
    return db.session.scalars(select(Match).where(or_(Match.helper_id == user.id, Match.request_id.in_(asked)))
                              .order_by(Match.created_at)).all()


def erase_conversations(user):
    """Inside the deletion's transaction: the user's own messages and feedback lose their text; what the other
    side wrote to them loses every phone number, e-mail address and the user's name. The rows stay (the
    dashboard counts them), without the person."""
    person = Person.of(user)
    for match in _matches_of(user):
        for message in match.messages:
            message.body = TEXT_GONE if message.author_id == user.id else scrub(message.body, person)
        for answer in match.feedback:
            answer.comment = None if answer.user_id == user.id else scrub(answer.comment, person)
        match.cancel_reason = scrub(match.cancel_reason, person)


def export_conversations(user):
    """For "download mijn gegevens": every conversation the user is a side of, with every message in it (the other
    side's as this user may read them: contact details only after confirmation)."""
    return {"gesprekken": [_exported(match, user) for match in _matches_of(user)]}


def _exported(match, user):
    mine = next((answer for answer in match.feedback if answer.user_id == user.id), None)
    return {
        "hulpvraag": _as_seen(match.request.title, match.request.author_id, user, match),
        "ik ben": "helper" if match.helper_id == user.id else "vrager",
        "status": match.status, "begonnen": match.created_at.isoformat(),
        "bevestigd": match.confirmed_at.isoformat() if match.confirmed_at else None,
        "berichten": [{"van mij": message.author_id == user.id, "tijd": message.created_at.isoformat(),
                       "tekst": _as_seen(message.body, message.author_id, user, match)} for message in match.messages],
        "mijn beoordeling": {"oordeel": mine.verdict, "toelichting": mine.comment} if mine else None,
    }


def _as_seen(text, author_id, user, match):
    return text if author_id == user.id else visible_text(text, user, match)
