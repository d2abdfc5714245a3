"""The part of a listing a provider checks: what a resident needs (contact, hours, address, who it is for, cost),
as text, so a correction is a per-field diff that a beheerder can read and accept field by field."""
import re
from datetime import time

from flask_babel import gettext as _, lazy_gettext as _l

from webapp.directory.routes import weekday_name
from webapp.directory.vocab import TRISTATE
from webapp.errors import RuleViolation

FIELD_LABELS = {
    "phone": _l("Telefoon"), "email": _l("E-mail"), "website": _l("Website"),
    "address": _l("Straat en huisnummer"), "postcode": _l("Postcode"), "woonplaats": _l("Woonplaats"),
    "target_groups": _l("Voor wie"), "free_of_charge": _l("Gratis"), "cost_note": _l("Kosten (toelichting)"),
    "hours": _l("Openingstijden"),
}
SERVICE_FIELDS = ("phone", "email", "website", "free_of_charge", "cost_note")
LOCATION_FIELDS = ("address", "postcode", "woonplaats")
WEEKDAYS = range(7)
_SLOT = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})\s*$")


def current_values(service):
    """{field: text or None} of the listing as it is now."""
    location = service.location
    values = {name: getattr(service, name) for name in SERVICE_FIELDS}
    values.update({name: getattr(location, name) if location else None for name in LOCATION_FIELDS})
    values["target_groups"] = ", ".join(group.name for group in service.target_groups) or None
    values["hours"] = hours_text(_slots_of(service)) or None
    return values


def day_texts(service):
    """{weekday: "09:00-12:00, 13:00-17:00"} for the form's seven fields."""
    slots = _slots_of(service)
    return {day: ", ".join(f"{opens}-{closes}" for weekday, opens, closes in slots if weekday == day)
            for day in WEEKDAYS}


def parse_days(texts):
    """[[weekday, "HH:MM", "HH:MM"], ...] from {weekday: text}; RuleViolation naming the day that is unclear."""
    slots, problems = [], []
    for day in WEEKDAYS:
        for part in filter(None, (piece.strip() for piece in (texts.get(day) or "").split(","))):
            found = _SLOT.match(part)
            opens = closes = None
            if found:
                opens, closes = _time(found[1], found[2]), _time(found[3], found[4])
            if opens is None or closes is None:
                problems.append((f"day_{day}", _("Schrijf de tijden zoals 09:00-12:00; meer tijden met een komma "
                                                 "ertussen. Laat het vak leeg als u die dag dicht bent.")))
                break
            slots.append([day, opens.strftime("%H:%M"), closes.strftime("%H:%M")])
    if problems:
        raise RuleViolation(problems)
    return sorted(slots)


def hours_text(slots):
    """'maandag 09:00-12:00; woensdag 13:00-17:00' (weekday names in Dutch)."""
    return "; ".join(f"{weekday_name(day)} {opens}-{closes}" for day, opens, closes in slots)


def tristate_label(value):
    return str(TRISTATE.get(value, value)) if value else None


def _slots_of(service):
    return sorted([slot.weekday, f"{slot.opens:%H:%M}", f"{slot.closes:%H:%M}"] for slot in service.schedules)


def _time(hours, minutes):
    hours, minutes = int(hours), int(minutes)
    if hours == 24 and minutes == 0:
        return time(0)
    if hours > 23 or minutes > 59:
        return None
    return time(hours, minutes)
