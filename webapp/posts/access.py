"""Whose post is this: the author (or the coördinator acting for them) only."""
from flask import abort

from webapp.accounts.acting import effective_user
from webapp.extensions import db
from webapp.posts.models import Post


def own_post(post_id):
    """The post of the user the pages are about; 404 for an unknown id, 403 for someone else's post."""
    post = db.session.get(Post, post_id[:36])
    if post is None or post.anonymised_at is not None:
        abort(404)
    if post.author_id is None or post.author_id != effective_user().id:
        abort(403)
    return post
