"""Lists of matches: a resident's conversations ('Mijn voor elkaar') and a coördinator's koppelingen."""
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import selectinload

from webapp.extensions import db
from webapp.matching.display import first_name
from webapp.matching.models import (ACCEPTED, BY_COORDINATOR, CANCELLED, COMPLETED, CONFIRMED, PROPOSED, Match,
                                    Message)
from webapp.matching.vocab import STATUS_LABELS
from webapp.posts.models import Post
from webapp.text import mask_contact

COORDINATOR_LIMIT = 200
_COORDINATOR_ORDER = {ACCEPTED: 0, PROPOSED: 1, CONFIRMED: 2, COMPLETED: 3, CANCELLED: 4}


@dataclass(frozen=True)
class Conversation:
    match: Match
    role: str            # "asker" or "helper": the viewer's side
    other_name: str      # the other side's first name only
    title: str           # masked, as the public sees it
    status: str
    last_activity: datetime


def conversations(user):
    """The user's matches as asker or helper, newest activity first."""
    last_message = (select(Message.match_id, func.max(Message.created_at).label("at"))
                    .group_by(Message.match_id).subquery())
    rows = db.session.execute(
        select(Match, last_message.c.at).join(Post, Match.request_id == Post.id)
        .outerjoin(last_message, last_message.c.match_id == Match.id)
        .where(or_(Match.helper_id == user.id, and_(Post.author_id == user.id, ~_waits_for_helper())))
        .options(selectinload(Match.request), selectinload(Match.helper))).all()
    result = [_conversation(match, user, message_at) for match, message_at in rows]
    return sorted(result, key=lambda item: _comparable(item.last_activity), reverse=True)


def _waits_for_helper():
    """A coördinator's proposal the helper did not say yes to yet: not shown to the asker (access.waits_for_helper)."""
    return and_(Match.started_by == BY_COORDINATOR, Match.helper_agreed_at.is_(None))


def _conversation(match, user, message_at):
    asker = match.request.author_id == user.id
    other = match.helper if asker else match.request.author
    moments = [match.created_at, message_at, match.accepted_at, match.confirmed_at, match.completed_at,
               match.cancelled_at]
    return Conversation(match=match, role="asker" if asker else "helper", other_name=first_name(other),
                        title=mask_contact(match.request.title),
                        status=str(STATUS_LABELS.get(match.status, match.status)),
                        last_activity=max(_comparable(moment) for moment in moments if moment))


def _comparable(moment):
    """SQLite gives stored UTC times back without their zone, PostgreSQL in the session's zone (+01:00 or
    +02:00): compare them all as naive UTC, which is also how the page's format_datetime reads them."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


def for_coordinator(user):
    """The matches of the user's gemeenten: geaccepteerd (to confirm) first, then the rest, newest first."""
    order = case(_COORDINATOR_ORDER, value=Match.status, else_=9)
    query = (select(Match).where(Match.gemeente.in_(user.gemeenten))
             .order_by(order, Match.created_at.desc()).limit(COORDINATOR_LIMIT)
             .options(selectinload(Match.request), selectinload(Match.helper)))
    return db.session.scalars(query).all()
