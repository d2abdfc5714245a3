"""Where a post is: geocoded once when saved; the public point is shared by k addresses (privacy)."""
from flask_babel import gettext as _
from sqlalchemy import select

from webapp import geo
from webapp.errors import RuleViolation
from webapp.geo.precision import GEMEENTE
from webapp.database import write_block
from webapp.posts.models import Post
from webapp.posts.privacy import place_publicly, public_point


def place_post(post, text, field="place"):
    """Set the post's place from a postcode, address or woonplaats; RuleViolation (Dutch) when unknown.

    A whole gemeente is too vague to help someone nearby, so it is refused.
    """
    try:
        found = geo.locate_for_saving(text)
    except RuleViolation as error:
        raise RuleViolation([(field, message) for _field, message in error.reasons]) from None
    if found.precision == GEMEENTE or not found.gemeente:
        raise RuleViolation([(field, _("Vul een postcode, adres of woonplaats in, niet alleen de gemeente."))])
    post.place_text = text.strip()
    post.latitude, post.longitude = found.latitude, found.longitude
    post.precision = found.precision
    post.woonplaats = found.woonplaats or found.gemeente
    post.gemeente = found.gemeente
    place_publicly(post)
    return found


def recompute_public_points():
    """Every post's public point (and that of a held edit) again from its exact point; how many moved."""
    moved = 0
    with write_block() as session:
        for post in session.scalars(select(Post).where(Post.latitude.is_not(None))):
            moved += place_publicly(post)
            if post.pending_changes and post.pending_changes.get("latitude") is not None:
                _recompute_held(post)
    return moved


def _recompute_held(post):
    held = dict(post.pending_changes)
    point = public_point(held["latitude"], held.get("longitude"), held.get("woonplaats"), held.get("gemeente"))
    held["public_latitude"], held["public_longitude"] = point or (None, None)
    post.pending_changes = held
