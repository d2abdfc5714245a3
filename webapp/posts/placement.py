"""Where a post is: geocoded once when saved; the public point is the grid cell (privacy.snap)."""
from flask_babel import gettext as _

from webapp import geo
from webapp.errors import RuleViolation
from webapp.geo.precision import GEMEENTE
from webapp.posts.privacy import snap


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
    post.public_latitude, post.public_longitude = snap(found.latitude, found.longitude)
    return found
