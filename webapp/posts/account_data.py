"""A resident's posts when the account goes: anonymised, not deleted (statistics); and in the data download."""
from sqlalchemy import select

from webapp.extensions import db
from webapp.models_base import utcnow
from webapp.posts import lifecycle, publishing
from webapp.posts.models import Post
from webapp.posts.vocab import CONCEPT, OPEN, PENDING
from webapp.privacy.erasure import Person, scrub

WITHDRAW_ON_DELETE = (CONCEPT, PENDING, OPEN)
PRIVATE_FIELDS = ("contact_name", "contact_phone", "contact_email", "behalf_name", "consent_name", "place_text")
TEXT_FIELDS = ("title", "description", "when_note", "moderation_note")


def _posts_of(user):
    return db.session.scalars(select(Post).where(Post.author_id == user.id).order_by(Post.created_at)).all()


def anonymise_posts(user):
    """Called inside the deletion's transaction (accounts.profile.account_deleting); the caller commits.

    Open, waiting and concept posts are withdrawn. Every post keeps what the statistics need (kind,
    categories, dates, woonplaats, gemeente, the public point) and loses the person: contact details,
    the name of whoever was helped, the typed place and the exact point (it becomes the public point), and every
    phone number, e-mail address and the author's name typed into its texts.
    """
    now = utcnow()
    person = Person.of(user)
    for post in _posts_of(user):
        if post.status in WITHDRAW_ON_DELETE:
            lifecycle.move(post, "withdraw", now=now)
        anonymise(post, now, lambda text: scrub(text, person))


def anonymise(post, now, clean):
    """The post without the person: private fields gone, the exact point the public one, texts through clean()."""
    publishing.discard_pending(post)
    for name in PRIVATE_FIELDS:
        setattr(post, name, None)
    for name in TEXT_FIELDS:
        setattr(post, name, clean(getattr(post, name)))
    post.latitude, post.longitude = post.public_latitude, post.public_longitude
    post.anonymised_at = now


def export_posts(user):
    """For "download mijn gegevens" (accounts.profile.account_exporting): everything the user wrote in a post."""
    return {"voor elkaar": [_exported(post) for post in _posts_of(user)]}


def _exported(post):
    fields = ("kind", "status", "title", "description", "categories", "place_text", "woonplaats", "gemeente",
              "when_kind", "date_from", "date_until", "when_note", "behalf_name", "behalf_relation", "contact_choice",
              "contact_name", "contact_phone", "contact_email", "consent_name", "consent_at", "coordinator_only",
              "availability", "travel_km", "pending_changes",
              "moderation_note", "created_at", "submitted_at", "published_at", "expires_at", "closed_at")
    return {name: _plain(getattr(post, name)) for name in fields}


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value
