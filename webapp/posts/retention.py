"""Closed posts past RETENTION_CLOSED_POSTS_DAYS (privacy.retention.retention_purging): anonymised for good.

What the statistics count stays (kind, categories, dates, woonplaats, gemeente, the public point); the author
link, the private fields and the description go, the title keeps no contact details.
"""
from sqlalchemy import select

from webapp.extensions import db
from webapp.posts.account_data import anonymise
from webapp.posts.models import Post
from webapp.privacy.retention import cutoff
from webapp.text import mask_contact


def purge_closed_posts(_app, now):
    before = cutoff("RETENTION_CLOSED_POSTS_DAYS", now)
    due = db.session.scalars(select(Post).where(Post.closed_at < before, Post.author_id.is_not(None))).all()
    for post in due:
        anonymise(post, now, mask_contact)
        post.description, post.when_note, post.author_id = "", None, None
    return [("gesloten berichten geanonimiseerd", len(due))]
