"""What the coördinator's pages list: the queue, the open reports, the log — only of their own gemeenten."""
from datetime import timezone

from sqlalchemy import String, and_, cast, func, or_, select

from webapp.extensions import db
from webapp.moderation.models import REPORT_OPEN, AbuseReport, ModerationAction
from webapp.posts.models import Post
from webapp.posts.vocab import OPEN, PENDING

LOG_PAGE_SIZE = 50


def review_queue(gemeenten):
    """Posts waiting to go public and public posts with a waiting edit, the longest waiting first."""
    # JSON None may be stored as SQL NULL or as the JSON text 'null'; an empty edit is no edit.
    has_edit = and_(Post.pending_changes.is_not(None), cast(Post.pending_changes, String).not_in(["null", "{}"]))
    waiting = or_(Post.status == PENDING, and_(Post.status == OPEN, has_edit))
    posts = db.session.scalars(select(Post).where(Post.gemeente.in_(gemeenten), waiting)).all()
    return sorted((post for post in posts if post.status == PENDING or post.pending_changes),
                  key=lambda post: _naive_utc(waiting_since(post)))


def waiting_since(post):
    """A new post waits since it was sent in; an edit since the post last changed."""
    if post.status == PENDING:
        return post.submitted_at or post.created_at
    return post.updated_at or post.created_at


def _naive_utc(moment):
    """SQLite gives stored times back without their zone, PostgreSQL with it: compare them alike."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


def open_reports(gemeenten):
    return db.session.scalars(select(AbuseReport).where(AbuseReport.gemeente.in_(gemeenten),
                                                        AbuseReport.status == REPORT_OPEN)
                              .order_by(AbuseReport.created_at)).all()


def log_page(gemeenten, page):
    """(actions of the page, number of pages), newest first; a page past the last gives the last."""
    where = ModerationAction.gemeente.in_(gemeenten)
    total = db.session.scalar(select(func.count()).select_from(ModerationAction).where(where))
    pages = max(1, -(-total // LOG_PAGE_SIZE))
    page = min(max(1, page), pages)
    actions = db.session.scalars(select(ModerationAction).where(where)
                                 .order_by(ModerationAction.created_at.desc(), ModerationAction.id)
                                 .offset((page - 1) * LOG_PAGE_SIZE).limit(LOG_PAGE_SIZE)).all()
    return actions, page, pages
