"""A post as a coördinator reads it on the review page: every field (private ones too), and for a waiting
edit the old and the new value of each changed field."""
from flask_babel import format_date, format_datetime
from flask_babel import lazy_gettext as _l

from webapp.geo.precision import PRECISION_LABELS
from webapp.posts.publishing import pending_value
from webapp.posts.vocab import CATEGORIES, DAY_PARTS, RELATIONS, WEEKDAYS, WHEN_LABELS

LABELS = {
    "title": _l("Titel"), "description": _l("Beschrijving"), "categories": _l("Onderwerp"),
    "place_text": _l("Plek (zoals ingevuld, niet openbaar)"), "woonplaats": _l("Woonplaats"),
    "gemeente": _l("Gemeente"), "precision": _l("Hoe precies de plek is"),
    "when_kind": _l("Wanneer"), "date_from": _l("Vanaf"), "date_until": _l("Tot en met"),
    "when_note": _l("Toelichting bij wanneer"), "behalf_name": _l("Namens (niet openbaar)"),
    "behalf_relation": _l("Relatie"), "contact_choice": _l("Contact via"),
    "contact_name": _l("Contactpersoon (niet openbaar)"), "contact_phone": _l("Telefoon (niet openbaar)"),
    "contact_email": _l("E-mail (niet openbaar)"), "availability": _l("Beschikbaar"),
    "travel_km": _l("Reisafstand (km)"),
    "consent_name": _l("Toestemming gegeven door (niet openbaar)"), "consent_at": _l("Toestemming vastgelegd op"),
    "coordinator_only": _l("Alleen voor de coördinator"),
}
# The point itself is shown as woonplaats and place text; coordinates say nothing to a reader.
HIDDEN = {"latitude", "longitude", "public_latitude", "public_longitude"}
CONTACT_CHOICES = {"mijn": _l("de plaatser"), "hulpvrager": _l("de hulpvrager")}


def post_fields(post):
    """[(label, shown value)] of every field with a value."""
    rows = [(label, show(name, getattr(post, name))) for name, label in LABELS.items()]
    return [(label, value) for label, value in rows if value not in (None, "")]


def changed_fields(post):
    """[(label, old, new)] for each field a waiting edit changes."""
    rows = []
    for name in (post.pending_changes or {}):
        old, new = getattr(post, name, None), pending_value(post, name)
        if name in HIDDEN or old == new:
            continue
        rows.append((LABELS.get(name, name), show(name, old), show(name, new)))
    return rows


def show(name, value):
    if value in (None, ""):
        return ""
    if name == "categories":
        return ", ".join(str(CATEGORIES.get(slug, slug)) for slug in value.split(",") if slug)
    if name == "availability":
        return ", ".join(_slot(slot) for slot in value.split(",") if slot)
    if name in ("date_from", "date_until"):
        return format_date(value, "d MMMM y")
    if name == "consent_at":
        return format_datetime(value, "d MMMM y, HH:mm")
    if name == "coordinator_only":
        return str(_l("ja, niet op de website")) if value else ""
    labels = {"when_kind": WHEN_LABELS, "behalf_relation": RELATIONS, "contact_choice": CONTACT_CHOICES,
              "precision": PRECISION_LABELS}.get(name)
    return str(labels.get(value, value)) if labels else str(value)


def _slot(slot):
    day, _sep, part = slot.partition("-")
    return f"{WEEKDAYS.get(day, day)} {DAY_PARTS.get(part, part)}"
