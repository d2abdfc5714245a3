"""Residents' own posts: write, edit, submit, withdraw and renew.

Each call checks and geocodes first, without a lock, then writes in one short write_block(); an edit is
refused (StaleVersion) when the post changed after the author's form was made.

An edit of an open post does not change what the public sees: it waits in `pending_changes` until a
coördinator approves it (publishing.py). The place is geocoded again only when its text changed.
"""
from dataclasses import replace
from datetime import timedelta
from types import SimpleNamespace

from flask_babel import gettext as _

from webapp.database import check_version, write_block
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.models_base import utcnow
from webapp.posts import lifecycle, publishing, rules
from webapp.posts.data import PLACE_FIELDS
from webapp.posts.models import POST_CLASSES, Post
from webapp.posts.placement import place_post
from webapp.posts.vocab import CONCEPT, LIFETIME_WEEKS, REJECTED, REQUEST
from webapp.submissions import create_once

SAVED, HELD, UNCHANGED = "saved", "held", "unchanged"


def create_post(author, data, send=False, on=None, submission=None):
    """A new hulpvraag or hulpaanbod of `author`, as concept or (send) straight to the coördinator; the same
    form submission twice makes one post."""
    place = _checked(data, None, on, data.place)

    def create():
        post = POST_CLASSES[data.kind](author_id=author.id, status=CONCEPT, **data.fields(), **place)
        db.session.add(post)
        if send:
            lifecycle.move(post, "submit")
        return post
    return create_once(submission, Post, create)


def edit_post(post, data, send=False, on=None, seen_version=None):
    """Store an edit: directly for a post nobody sees yet, held for review for an open one.

    Returns SAVED, HELD (waits for a coördinator) or UNCHANGED (an open post edited to its public version:
    nothing waits any more).
    """
    data = _kept_consent(post, data)
    old_place = publishing.pending_value(post, "place_text") or ""
    place = _checked(data, post, on, data.place if data.place.strip() != old_place else None)
    with write_block():
        check_version(post, seen_version)
        if post.status not in lifecycle.EDITABLE:
            raise RuleViolation([("status", _("Dit bericht kunt u niet meer bewerken."))])
        if publishing.needs_review(post):
            return _hold(post, {**data.fields(), **place})
        return _apply(post, {**data.fields(), **place}, send)


def _kept_consent(post, data):
    """Consent once given for the same person keeps its moment; a new name records a new one."""
    if data.kind != REQUEST or data.consent_at is None:
        return data
    given = publishing.pending_value(post, "consent_at")
    same_person = publishing.pending_value(post, "consent_name") == data.behalf_name
    return replace(data, consent_at=given) if given and same_person else data


def submit_post(post):
    _transition(post, "submit")


def withdraw_post(post):
    """Withdrawn for good; an edit that waited for review goes with it."""
    _transition(post, "withdraw", publishing.discard_pending)


def renew_post(post, now=None):
    """Open for another LIFETIME_WEEKS from now; a new reminder may follow before the new end."""
    now = now or utcnow()

    def extend(renewed):
        renewed.expires_at = now + timedelta(weeks=LIFETIME_WEEKS)
        renewed.reminder_sent_at = None
    _transition(post, "renew", extend, now=now)


def _transition(post, action, then=None, now=None):
    with write_block():
        check_version(post, None)
        if not lifecycle.allowed(post, action):
            lifecycle.target(post, action)  # raises the Dutch RuleViolation
        lifecycle.move(post, action, now=now)
        if then:
            then(post)


def _checked(data, post, on, place_text):
    """Every broken rule at once (place included); the place fields when `place_text` is given, else {}."""
    reasons = rules.check(data, post, on)
    place = {}
    if place_text is not None:
        scratch = SimpleNamespace()
        try:
            place_post(scratch, place_text)
        except RuleViolation as violation:
            reasons += violation.reasons
        else:
            place = {name: getattr(scratch, name) for name in PLACE_FIELDS}
    if reasons:
        raise RuleViolation(reasons)
    return place


def _hold(post, values):
    """Keep only what differs from the public version; a pending place is kept when the text did not change."""
    kept_place = {name: value for name, value in (post.pending_changes or {}).items()
                  if name in PLACE_FIELDS and name not in values}
    publishing.hold_changes(post, {**values, **kept_place})
    changed = {name: value for name, value in post.pending_changes.items() if _public(post, name) != value}
    post.pending_changes = changed or None
    return HELD if changed else UNCHANGED


def _public(post, name):
    value = getattr(post, name)
    return value.isoformat() if hasattr(value, "isoformat") else value


def _apply(post, values, send):
    if post.status == REJECTED:
        lifecycle.move(post, "revise")
    for name, value in values.items():
        setattr(post, name, value)
    if send and lifecycle.allowed(post, "submit"):
        lifecycle.move(post, "submit")
    return SAVED

