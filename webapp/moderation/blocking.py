"""Blocking an inwoner: the account stops working everywhere at once and its posts leave the site."""
from flask_babel import gettext as _
from sqlalchemy import select

from webapp.database import write_block
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.moderation.actions import clean_reason, may_moderate, record
from webapp.posts import lifecycle
from webapp.posts.models import Post
from webapp.posts.vocab import CONCEPT, OPEN, PENDING

WITHDRAWN_ON_BLOCK = (CONCEPT, PENDING, OPEN)  # a vraag already gekoppeld stays: a helper is on the way


def user_gemeenten(user):
    """The gemeenten an inwoner belongs to: linked to the account, or where they have a post."""
    posted = db.session.scalars(select(Post.gemeente).where(Post.author_id == user.id).distinct())
    return set(user.gemeenten) | set(posted)


def may_block(actor, user):
    """Coördinatoren block inwoners of one of their gemeenten; never another coördinator or beheerder."""
    if user is None or user.has_role("coordinator"):
        return False
    return any(may_moderate(actor, gemeente) for gemeente in sorted(user_gemeenten(user)))


def block(user, actor, reason):
    """Deactivate the account, log it out everywhere and withdraw its concept, waiting and open posts."""
    reason = clean_reason(reason)
    with write_block():
        if not may_block(actor, user):
            raise RuleViolation([("user", _("U kunt alleen inwoners van uw eigen gemeente blokkeren."))])
        if not user.active:
            raise RuleViolation([("user", _("Deze gebruiker is al geblokkeerd."))])
        user.active = False
        user.session_version += 1
        gemeente = next(g for g in sorted(user_gemeenten(user)) if may_moderate(actor, g))
        record(actor, "block", gemeente, user=user, reason=reason)
        posts = db.session.scalars(select(Post).where(Post.author_id == user.id,
                                                      Post.status.in_(WITHDRAWN_ON_BLOCK))).all()
        for post in posts:
            lifecycle.move(post, "withdraw")
            # Logged in the post's own gemeente, so its coördinatoren see why the post went.
            record(actor, "withdraw_blocked", post.gemeente, post=post, user=user, reason=reason)
    return posts
