"""Blocking an inwoner. A coördinator blocks within their own gemeenten: the person's posts there go offline and
they post and react there no more, while the account works elsewhere. Only a site-wide block (a beheerder of every
gemeente involved, or `flask moderation block-everywhere`) ends the account and its sessions."""
from flask_babel import gettext as _
from sqlalchemy import select

from webapp.accounts.models import GemeenteBlock
from webapp.database import write_block
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.models_base import utcnow
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


def may_block_everywhere(actor, user):
    """A beheerder of every gemeente the person belongs to (the command line needs no actor)."""
    if user is None or user.has_role("coordinator"):
        return False
    return actor is None or (actor.has_role("beheerder") and all(actor.works_for(g) for g in user_gemeenten(user)))


def block(user, actor, reason):
    """Block `user` in every gemeente of theirs that `actor` coordinates; withdraw their posts there."""
    reason = clean_reason(reason)
    with write_block():
        if not may_block(actor, user):
            raise RuleViolation([("user", _("U kunt alleen inwoners van uw eigen gemeente blokkeren."))])
        gemeenten = [g for g in sorted(user_gemeenten(user))
                     if may_moderate(actor, g) and db.session.get(GemeenteBlock, (user.id, g)) is None]
        if not user.active or not gemeenten:
            raise RuleViolation([("user", _("Deze gebruiker is al geblokkeerd."))])
        for gemeente in gemeenten:
            db.session.add(GemeenteBlock(user_id=user.id, gemeente=gemeente, blocked_at=utcnow(),
                                         blocked_by_id=actor.id))
            record(actor, "block", gemeente, user=user, reason=reason)
        return _withdraw_posts(user, actor, reason, gemeenten)


def block_everywhere(user, actor, reason):
    """The account stops working: logged out everywhere, every post offline. `actor` None: the command line."""
    reason = clean_reason(reason)
    with write_block():
        if not may_block_everywhere(actor, user):
            raise RuleViolation([("user", _("Alleen een beheerder van elke gemeente van deze persoon kan overal "
                                            "blokkeren."))])
        if not user.active:
            raise RuleViolation([("user", _("Deze gebruiker is al geblokkeerd."))])
        user.active = False
        user.session_version += 1
        gemeenten = sorted(user_gemeenten(user))
        for gemeente in gemeenten:
            record(actor, "block_everywhere", gemeente, user=user, reason=reason)
        return _withdraw_posts(user, actor, reason, gemeenten)


def _withdraw_posts(user, actor, reason, gemeenten):
    posts = db.session.scalars(select(Post).where(Post.author_id == user.id, Post.gemeente.in_(gemeenten),
                                                  Post.status.in_(WITHDRAWN_ON_BLOCK))).all()
    for post in posts:
        lifecycle.move(post, "withdraw")
        # Logged in the post's own gemeente, so its coördinatoren see why the post went.
        record(actor, "withdraw_blocked", post.gemeente, post=post, user=user, reason=reason)
    return posts
