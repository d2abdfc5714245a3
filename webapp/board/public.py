"""What the public sees of an open post, in one place: the board pages and the JSON API both use this.

Only these fields leave the server; never the author, place_text, the exact point, contact_*, behalf_name
or pending_changes. Free text goes through mask_contact.
"""
from datetime import timezone

from flask import url_for
from flask_babel import format_date, gettext as _, lazy_gettext as _l

from webapp.text import mask_contact
from webapp.posts.vocab import CATEGORIES, DAY_PARTS, OFFER, REQUEST, WEEKDAYS, WHEN_DATE, WHEN_LABELS, WHEN_PERIOD
from webapp.site import absolute_url

POINT_PRECISION = "k-anoniem"  # a point at least PRIVACY_K addresses share (posts.privacy)
SHOW_ENDPOINTS = {REQUEST: "board.show_request", OFFER: "board.show_offer"}
# "Namens iemand anders": the public learns only who posted it, never for whom.
POSTED_BY = {
    "mantelzorger": _l("Geplaatst door een mantelzorger"),
    "familie": _l("Geplaatst door een familielid"),
    "buur": _l("Geplaatst door een buur of kennis"),
    "wijkteam": _l("Geplaatst door een medewerker van het wijkteam"),
}
POSTED_FOR_SOMEONE = _l("Geplaatst door iemand anders, namens de hulpvrager")


def public_url(post, external=False):
    if external:
        return absolute_url(SHOW_ENDPOINTS[post.kind], post_id=post.id)
    return url_for(SHOW_ENDPOINTS[post.kind], post_id=post.id)


def category_labels(post):
    return [str(CATEGORIES[slug]) for slug in post.category_list]


def posted_by(post):
    """The relation label of a vraag posted for someone else, or None when the author asks for themselves."""
    if post.kind != REQUEST or not (post.behalf_name or post.behalf_relation):
        return None
    return str(POSTED_BY.get(post.behalf_relation, POSTED_FOR_SOMEONE))


def when_summary(post):
    """When a vraag is needed: 'Op 12 maart 2025', 'Van … tot en met …', 'Wanneer het uitkomt' (+ note)."""
    if post.when_kind == WHEN_DATE and post.date_from:
        text = _("Op %(date)s", date=_day(post.date_from))
    elif post.when_kind == WHEN_PERIOD and post.date_from and post.date_until:
        text = _("Van %(start)s tot en met %(end)s", start=_day(post.date_from), end=_day(post.date_until))
    elif post.when_kind == WHEN_PERIOD and post.date_from:
        text = _("Vanaf %(start)s", start=_day(post.date_from))
    else:
        text = str(WHEN_LABELS.get(post.when_kind) or _("Wanneer het uitkomt"))
    note = mask_contact(post.when_note)
    return f"{text} ({note})" if note else text


def slot_labels(post):
    """'ma-ochtend' -> 'maandagochtend', for every known slot of an aanbod."""
    labels = []
    for slot in post.slots:
        day, _sep, part = slot.partition("-")
        if day in WEEKDAYS and part in DAY_PARTS:
            # TRANSLATORS: a day and a part of it, written as one word in Dutch ("maandagochtend")
            labels.append(_("%(day)s%(part)s", day=WEEKDAYS[day], part=DAY_PARTS[part]))
    return labels


def availability_summary(post):
    """When a volunteer can help and how far they travel, in one line."""
    slots = ", ".join(slot_labels(post)) or _("in overleg")
    if post.travel_km:
        return _("Kan helpen: %(slots)s. Komt tot %(km)d km ver.", slots=slots, km=post.travel_km)
    return _("Kan helpen: %(slots)s.", slots=slots)


def summary(post):
    return when_summary(post) if post.kind == REQUEST else availability_summary(post)


def iso(moment):
    """ISO 8601 with the time zone (SQLite hands back naive UTC)."""
    if moment is None:
        return None
    if getattr(moment, "tzinfo", "date") is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.isoformat()


def post_json(post, distance_km=None, with_distance=False):
    """The public fields of an open post, for /api/v1/hulpvragen and /api/v1/hulpaanbod."""
    point = post.public_point
    body = {
        "id": post.id,
        "type": post.kind,
        "title": mask_contact(post.title),
        "description": mask_contact(post.description or ""),
        "categories": post.category_list,
        "woonplaats": post.woonplaats,
        "gemeente": post.gemeente,
        "point": {"lat": point[0], "lon": point[1]} if point else None,
        "point_precision": POINT_PRECISION,
        "published_at": iso(post.published_at),
        "expires_at": iso(post.expires_at),
        "is_example": bool(post.is_example),
        "url": public_url(post, external=True),
    }
    if with_distance:
        body["distance_km"] = distance_km
    if post.kind == REQUEST:
        body.update(when=post.when_kind, date_from=iso(post.date_from), date_until=iso(post.date_until),
                    when_note=mask_contact(post.when_note), posted_by=posted_by(post))
    else:
        body.update(availability=post.slots, travel_km=post.travel_km)
    return body


def marker(candidate):
    """One map marker: the masked title at the public point, with the public page as link."""
    return {"id": candidate.row_id, "name": candidate.title, "lat": candidate.point[0], "lon": candidate.point[1],
            "approximate": True, "kind": candidate.kind, "lang": "nl",  # a resident's own words (popup's lang)
            "url": url_for(SHOW_ENDPOINTS[candidate.kind], post_id=candidate.row_id)}


def _day(value):
    return format_date(value, "d MMMM y")
