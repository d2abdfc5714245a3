"""Approving and rejecting posts: a new post goes public only after a coördinator approves it, and an edit
of a public post stays invisible until then (the approved version stays public meanwhile)."""
from datetime import timedelta

from flask_babel import gettext as _

from webapp.accounts.acting import has_acted_for
from webapp.database import check_version, write_block
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.models_base import utcnow
from webapp.moderation.actions import clean_reason, record, require_moderator
from webapp.moderation.mails import mail_author
from webapp.posts import lifecycle, publishing
from webapp.posts.vocab import LIFETIME_WEEKS, OPEN, PENDING

NEW, EDIT = "new", "edit"


def review_kind(post):
    """NEW (waits to go public), EDIT (a public post with a waiting edit) or None (nothing to check)."""
    if post.status == PENDING:
        return NEW
    if post.status == OPEN and post.pending_changes:
        return EDIT
    return None


def approve(post, actor, seen_version=None):
    """Make the post, or its waiting edit, public; the author hears it by mail.

    Only the version the coördinator read (`seen_version`): an edit made meanwhile raises StaleVersion.
    """
    with write_block():
        kind = _reviewable(post, actor, seen_version, approving=True)
        now = utcnow()
        if kind == NEW:
            lifecycle.move(post, "approve", now)
            post.expires_at = now + timedelta(weeks=LIFETIME_WEEKS)
            post.reminder_sent_at = None
        else:
            publishing.apply_pending(post)
        post.moderation_note = None
        record(actor, "approve" if kind == NEW else "approve_edit", post.gemeente, post=post)
        mail_author(post, "approved" if kind == NEW else "edit_approved")
    return kind


def reject(post, actor, reason, seen_version=None):
    """Refuse the post, or its waiting edit (the approved version stays public); the reason goes to the
    author only."""
    reason = clean_reason(reason)
    with write_block():
        kind = _reviewable(post, actor, seen_version)
        if kind == NEW:
            lifecycle.move(post, "reject")
        else:
            publishing.discard_pending(post)
        post.moderation_note = reason
        record(actor, "reject" if kind == NEW else "reject_edit", post.gemeente, post=post, reason=reason)
        mail_author(post, "rejected" if kind == NEW else "edit_rejected", reason)
    return kind


def _reviewable(post, actor, seen_version, approving=False):
    check_version(post, seen_version)
    require_moderator(actor, post.gemeente)
    if approving and has_acted_for(actor, post.author):
        raise RuleViolation([("actor", _("U heeft namens de schrijver gehandeld. Een andere coördinator van de "
                                         "gemeente keurt dit bericht goed."))])
    kind = review_kind(post)
    if kind is None:
        raise RuleViolation([("status", _("Dit bericht hoeft niet (meer) gecontroleerd te worden. "
                                          "Misschien heeft een andere coördinator het al gedaan."))])
    return kind
