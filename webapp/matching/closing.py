"""When a vraag closes (withdrawn, expired, taken offline), its open conversations close with it."""
from flask_babel import gettext as _
from sqlalchemy import select

from webapp.extensions import db
from webapp.matching import lifecycle, notify
from webapp.matching.models import ACCEPTED, PROPOSED, Match
from webapp.posts.vocab import REQUEST


def close_open_conversations(post, now):
    """Cancel the vraag's proposed and accepted matches, and tell the helpers; a confirmed match stays as it is."""
    if post.kind != REQUEST:
        return
    waiting = select(Match).where(Match.request_id == post.id, Match.status.in_((PROPOSED, ACCEPTED)))
    for match in db.session.scalars(waiting):
        lifecycle.move(match, "cancel", None, now)
        match.cancel_reason = _("De hulpvraag is niet meer open.")
        notify.vraag_closed(match)
