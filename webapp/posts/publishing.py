"""Edits of a public post wait for a coördinator: the approved version stays public until then."""
from datetime import date, datetime

from webapp.posts.vocab import OPEN

# Fields an author may change; place fields move together (see placement.py).
EDITABLE_FIELDS = (
    "title", "description", "categories", "when_kind", "date_from", "date_until", "when_note",
    "behalf_name", "behalf_relation", "contact_choice", "contact_name", "contact_phone", "contact_email",
    "consent_name", "consent_at", "coordinator_only", "availability", "travel_km",
    "place_text", "latitude", "longitude", "precision", "public_latitude", "public_longitude", "woonplaats", "gemeente",
)


def needs_review(post):
    """An edit of an open post waits for approval; other statuses take edits directly."""
    return post.status == OPEN


def hold_changes(post, changes):
    """Keep `changes` (field -> new value) as the pending edit of a public post."""
    post.pending_changes = {name: _to_json(value) for name, value in changes.items() if name in EDITABLE_FIELDS}


def pending_value(post, name):
    """What the author will see in the edit form: the pending value if any, else the public one."""
    if post.pending_changes and name in post.pending_changes:
        return _from_json(name, post.pending_changes[name])
    return getattr(post, name)


def apply_pending(post):
    """A coördinator approved the edit: it becomes the public version."""
    for name, value in (post.pending_changes or {}).items():
        setattr(post, name, _from_json(name, value))
    post.pending_changes = None


def discard_pending(post):
    post.pending_changes = None


def _to_json(value):
    return value.isoformat() if isinstance(value, date) else value


def _from_json(name, value):
    if name in ("date_from", "date_until") and value:
        return date.fromisoformat(value)
    if name == "consent_at" and value:
        return datetime.fromisoformat(value)
    return value
