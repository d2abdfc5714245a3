"""The query parameters HSDS names, read and checked: a bad one is a 400 with a Dutch message."""
import math
from datetime import datetime, timezone

from flask_babel import gettext as _

from webapp.api.params import MAX_PLACE, MAX_QUERY, BadParameter, flag, page, text

DEFAULT_PER_PAGE, MAX_PER_PAGE = 50, 200
MAX_PROXIMITY_M = 100_000
MAX_ID = 36

__all__ = ["BadParameter", "flag", "page", "text", "per_page", "modified_after", "identifier", "proximity",
           "postcode", "search", "output_format"]


def per_page(args):
    raw = args.get("per_page", "").strip()
    if not raw:
        return DEFAULT_PER_PAGE
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PER_PAGE:
        raise BadParameter("per_page", _("'per_page' moet een heel getal zijn van 1 tot en met %(max)d.",
                                         max=MAX_PER_PAGE))
    return int(raw)


def modified_after(args):
    """An ISO 8601 moment (a date counts from 00:00 UTC), as UTC; None when absent."""
    raw = args.get("modified_after", "").strip()
    if not raw:
        return None
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise BadParameter("modified_after", _(
            "'modified_after' moet een datum en tijd zijn zoals 2026-01-31T12:00:00Z.")) from None
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def identifier(args, name):
    value = args.get(name, "").strip()
    if len(value) > MAX_ID:
        raise BadParameter(name, _("'%(name)s' is geen bekende id.", name=name))
    return value or None


def proximity(args):
    raw = args.get("proximity", "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not 0 < value <= MAX_PROXIMITY_M:
        raise BadParameter("proximity", _("'proximity' moet een aantal meters zijn, groter dan 0 en hoogstens "
                                          "%(max)d.", max=MAX_PROXIMITY_M))
    return value


def postcode(args):
    return text(args, "postcode", MAX_PLACE)


def search(args):
    return text(args, "search", MAX_QUERY)


def output_format(args):
    """"json" (pages, the default) or "ndjson" (every item, one JSON object a line, no pages)."""
    value = args.get("format", "").strip().lower() or "json"
    if value not in ("json", "ndjson"):
        raise BadParameter("format", _("'format' is json of ndjson."))
    return value
