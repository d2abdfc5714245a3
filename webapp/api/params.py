"""Read and check query parameters; a bad one is a 400 with a Dutch message, never a 500."""
from dataclasses import dataclass

from flask_babel import gettext as _

from webapp.directory.languages import CODES, by_code
from webapp.directory.vocab import ACCESS_ROUTES, THEMES
from webapp.forms import MAX_PAGE, page_number

MAX_QUERY = 200
MAX_PLACE = 100
MAX_RADIUS_KM = 100


@dataclass
class BadParameter(Exception):
    name: str
    message: str


def text(args, name, limit):
    value = args.get(name, "").strip()
    if len(value) > limit:
        raise BadParameter(name, _("'%(name)s' is te lang: hoogstens %(limit)d tekens.", name=name, limit=limit))
    return value


def radius(args):
    raw = args.get("radius_km", "").strip()
    if not raw:
        return None
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        value = float("nan")
    if not 0 < value <= MAX_RADIUS_KM:  # NaN fails this test too
        raise BadParameter("radius_km", _("'radius_km' moet een getal zijn groter dan 0 en hoogstens %(max)d.",
                                          max=MAX_RADIUS_KM))
    return value


def page(args):
    number = page_number(args.get("page", "").strip() or "1")
    if number is None:
        raise BadParameter("page", _("'page' moet een heel getal zijn van 1 tot en met %(max)d.", max=MAX_PAGE))
    return number


def choices(args, name, allowed):
    values = tuple(dict.fromkeys(v.strip() for v in args.getlist(name) if v.strip()))
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise BadParameter(name, _("Onbekende waarde voor '%(name)s'.", name=name))
    return values


def themes(args):
    return choices(args, "theme", THEMES)


def access(args):
    values = choices(args, "access", ACCESS_ROUTES)
    return values[0] if values else None


def staff_language(args):
    """`language=ar`: an ISO code of the list in directory/languages.py, as the list's name (or None)."""
    values = choices(args, "language", set(CODES.values()))
    return by_code(values[0]) if values else None


def flag(args, name):
    raw = args.get(name, "").strip().lower()
    if raw not in ("", "0", "1", "true", "false", "ja", "nee"):
        raise BadParameter(name, _("'%(name)s' moet ja of nee zijn.", name=name))
    return raw in ("1", "true", "ja")
