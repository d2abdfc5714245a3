"""Open posts end LIFETIME_WEEKS after approval or renewal; the author gets one reminder a week before.

`expire_due(now)` is run daily by `flask --app wsgi voorelkaar expire`; tests pass a frozen `now`.
"""
from dataclasses import dataclass
from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from webapp.database import write_block
from webapp.extensions import db
from webapp.mail import queue_mail
from webapp.models_base import utcnow
from webapp.posts import lifecycle
from webapp.posts.models import Post
from webapp.text import mask_contact
from webapp.posts.vocab import KIND_LABELS, OPEN, REMINDER_DAYS_BEFORE
from webapp.site import absolute_url

BATCH = 100  # posts per write transaction: short locks for the site's writers


@dataclass(frozen=True)
class ExpiryOutcome:
    expired: int
    reminded: int


def expire_due(now=None):
    now = now or utcnow()
    expired = _in_batches(select(Post).where(Post.status == OPEN, Post.expires_at <= now),
                          lambda post: lifecycle.move(post, "expire", now=now))
    soon = now + timedelta(days=REMINDER_DAYS_BEFORE)
    reminded = _in_batches(select(Post).where(Post.status == OPEN, Post.expires_at > now, Post.expires_at <= soon,
                                              Post.reminder_sent_at.is_(None)),
                           lambda post: _remind(post, now))
    return ExpiryOutcome(expired, reminded)


def _in_batches(query, change):
    """Apply `change` to every row of `query`, BATCH rows per transaction; the rows leave the query once changed."""
    done = 0
    while True:
        with write_block():
            posts = db.session.scalars(query.order_by(Post.expires_at, Post.id).limit(BATCH)).all()
            for post in posts:
                change(post)
        done += len(posts)
        if len(posts) < BATCH:
            return done


def _remind(post, now):
    """One mail, without contact details: the title (masked), the end date and a link to Mijn voor elkaar.

    An account without e-mail (made at a phone intake) gets no mail; its coördinator sees the date on the page.
    """
    post.reminder_sent_at = now
    author = post.author
    if author is None or not author.email or not author.active:
        return
    queue_mail(author.email, "posts/renew_reminder", subject=_l("Uw bericht op Buurtkaart loopt bijna af"),
               user=author, kind=KIND_LABELS[post.kind], title=mask_contact(post.title), expires_at=post.expires_at,
               mine_url=absolute_url("board.mine"))
