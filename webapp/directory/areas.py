"""Who a voorziening is for (its werkgebied, HSDS `service_area`) and whether that covers a resident's gemeente."""
import re

from flask_babel import gettext as _

from webapp import geo
from webapp.directory.vocab import NATIONAL
from webapp.errors import RuleViolation

NATIONAL_WORDS = {"heel nederland", "nederland", "landelijk"}


def split_area(text):
    """The names in a typed werkgebied ("Meppel, Westerveld", "heel Nederland"), as typed."""
    return tuple(part.strip() for part in re.split(r"[,|;]", text or "") if part.strip())


def normalize(names, gemeente, also_known=()):
    """The werkgebied to store: (NATIONAL,), or the gemeenten in the data's spelling, always with the
    voorziening's own gemeente, sorted. Raises RuleViolation (field service_area) for a name we do not know."""
    if any(name.casefold() in NATIONAL_WORDS for name in names):
        return (NATIONAL,)
    known = {}
    for name in (*geo.gemeente_names(), *also_known, gemeente):
        if name:
            known.setdefault(_key(name), name)  # the data's spelling first
    unknown = [name for name in names if _key(name) not in known]
    if unknown:
        raise RuleViolation([("service_area", _(
            "De gemeente '%(name)s' kennen we niet. Schrijf de naam van een gemeente, of 'heel Nederland'.",
            name="', '".join(unknown)))])
    found = {known[_key(name)] for name in (*names, gemeente) if name}
    return tuple(sorted(found, key=str.casefold))


def area_text(names):
    return ", ".join(names)


def area_keys(names):
    """What the search index keeps of a werkgebied: folded names."""
    return frozenset(name.casefold() for name in names)


def covers(keys, gemeente):
    """Whether a werkgebied (area_keys) is for the residents of `gemeente`."""
    return NATIONAL.casefold() in keys or (gemeente is not None and gemeente.casefold() in keys)


def _key(name):
    return " ".join(name.casefold().replace("-", " ").split())
