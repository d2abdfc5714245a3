"""Conversations past their period (privacy.retention.retention_purging): the messages go, the match stays.

Ended (afgerond or geannuleerd) more than RETENTION_CONVERSATIONS_DAYS ago, or about a vraag closed more than
RETENTION_CLOSED_POSTS_DAYS ago: messages deleted, feedback comments, the cancel reason and the coördinator's note
emptied. The match
rows and the verdicts stay for the dashboard.
"""
from sqlalchemy import delete, or_, select

from webapp.extensions import db
from webapp.matching.models import Match, MatchFeedback, Message
from webapp.posts.models import Post
from webapp.privacy.retention import cutoff


def purge_conversations(_app, now):
    ended = cutoff("RETENTION_CONVERSATIONS_DAYS", now)
    closed = select(Post.id).where(Post.closed_at < cutoff("RETENTION_CLOSED_POSTS_DAYS", now))
    due = select(Match.id).where(or_(Match.completed_at < ended, Match.cancelled_at < ended,
                                     Match.request_id.in_(closed)))
    removed = db.session.execute(delete(Message).where(Message.match_id.in_(due))).rowcount
    for answer in db.session.scalars(select(MatchFeedback).where(MatchFeedback.match_id.in_(due),
                                                                 MatchFeedback.comment.is_not(None))):
        answer.comment = None
    for match in db.session.scalars(select(Match).where(Match.id.in_(due), or_(
            Match.cancel_reason.is_not(None), Match.coordinator_note.is_not(None)))):
        match.cancel_reason = match.coordinator_note = None  # the coördinator's case note goes with the rest
    return [("berichten in oude gesprekken", removed)]
