"""The dashboard's database reads: one query per measure, plain rows out.

No date functions in SQL (SQLite and PostgreSQL differ): the queries filter on UTC bounds and stats.py groups
the rows per ISO week in Python. Example posts (demo data) are left out of every measure.
"""
from datetime import timedelta

from sqlalchemy import and_, exists, false, func, or_, select

from webapp.extensions import db
from webapp.matching.models import Match
from webapp.posts.models import HelpRequest, Post
from webapp.posts.vocab import OPEN, REQUEST

FLAG_AFTER = timedelta(days=7)


def sent_posts(gemeente, start, until):
    """(kind, categories, moment) of the vragen and aanbod sent in during [start, until).

    The moment is submitted_at; a post that was published without ever being submitted (made open directly)
    counts at created_at. Concepts that were never sent in do not count.
    """
    rows = db.session.execute(select(Post.kind, Post.categories, Post.submitted_at, Post.created_at)
                              .where(*_sent_in(gemeente, start, until)))
    return [(kind, categories, submitted_at or created_at) for kind, categories, submitted_at, created_at in rows]


def sent_post_points(gemeente, start, until):
    """(kind, (lat, lon)) of the vragen and aanbod sent in during [start, until) that have a point: per wijk."""
    rows = db.session.execute(select(Post.kind, Post.latitude, Post.longitude)
                              .where(*_sent_in(gemeente, start, until), Post.latitude.is_not(None),
                                     Post.longitude.is_not(None)))
    return [(kind, (latitude, longitude)) for kind, latitude, longitude in rows]


def _sent_in(gemeente, start, until):
    submitted = and_(Post.submitted_at >= start, Post.submitted_at < until)
    published_directly = and_(Post.submitted_at.is_(None), Post.published_at.is_not(None),
                              Post.created_at >= start, Post.created_at < until)
    return Post.gemeente == gemeente, Post.is_example == false(), or_(submitted, published_directly)


def connections(gemeente, start, until):
    """(created_at, started_by, the vraag's categories) of every Match made during [start, until)."""
    return db.session.execute(
        select(Match.created_at, Match.started_by, Post.categories).join(Post, Post.id == Match.request_id)
        .where(Match.gemeente == gemeente, Post.is_example == false(),
               Match.created_at >= start, Match.created_at < until)).all()


def confirmations(gemeente, start, until):
    """(confirmed_at, the vraag's categories) of every Match confirmed during [start, until), afgerond ones too."""
    return db.session.execute(
        select(Match.confirmed_at, Post.categories).join(Post, Post.id == Match.request_id)
        .where(Match.gemeente == gemeente, Post.is_example == false(),
               Match.confirmed_at >= start, Match.confirmed_at < until)).all()


def waits(gemeente, start, until):
    """(categories, published_at, first connection, first confirmation) of the vragen published in [start, until).

    The firsts are None for a vraag without any connection or confirmation (yet).
    """
    return db.session.execute(
        select(Post.categories, Post.published_at, func.min(Match.created_at), func.min(Match.confirmed_at))
        .outerjoin(Match, Match.request_id == Post.id)
        .where(Post.kind == REQUEST, Post.gemeente == gemeente, Post.is_example == false(),
               Post.published_at >= start, Post.published_at < until)
        .group_by(Post.id, Post.categories, Post.published_at)).all()


def unanswered_requests(gemeente, now):
    """Open vragen published more than 7 days before `now` without any Match: the oldest first."""
    return db.session.scalars(
        select(HelpRequest)
        .where(HelpRequest.gemeente == gemeente, HelpRequest.status == OPEN, HelpRequest.is_example == false(),
               HelpRequest.published_at < now - FLAG_AFTER, ~exists().where(Match.request_id == HelpRequest.id))
        .order_by(HelpRequest.published_at)).all()
