"""The languages a voorziening's staff speak: a fixed list, stored as the names in list order ("Nederlands,
Arabisch"), so the search can filter on them. Never guessed: an empty list means nobody knows."""
from flask_babel import gettext as _

from webapp.errors import RuleViolation
from webapp.geo.text import normalise

# The languages most spoken in the region and by newcomers to it; add here when a voorziening needs another.
LANGUAGES = (
    "Nederlands", "Fries", "Nederlandse Gebarentaal", "Engels", "Duits", "Frans", "Spaans", "Portugees",
    "Italiaans", "Pools", "Roemeens", "Bulgaars", "Oekraïens", "Russisch", "Turks", "Arabisch", "Koerdisch",
    "Tamazight (Berbers)", "Farsi", "Dari", "Pasjtoe", "Tigrinya", "Amhaars", "Somalisch", "Papiaments",
    "Sranantongo", "Chinees",
)
ALIASES = {"ngt": "Nederlandse Gebarentaal", "gebarentaal": "Nederlandse Gebarentaal", "perzisch": "Farsi",
           "berbers": "Tamazight (Berbers)", "tamazight": "Tamazight (Berbers)", "english": "Engels",
           "koerdisch (kurmanci)": "Koerdisch", "mandarijn": "Chinees", "tigrinia": "Tigrinya"}
SEPARATORS = (";", "|", "/", " en ")


def _key(name):
    return normalise(name)  # case, accents and punctuation do not matter


_KNOWN = {**{_key(name): name for name in LANGUAGES}, **{_key(alias): name for alias, name in ALIASES.items()}}


def names_of(text):
    """The list's names in `text` ("arabisch, Nederlands" -> ["Nederlands", "Arabisch"]), in list order;
    RuleViolation (field "languages") for a name that is not on the list."""
    text = text or ""
    for separator in SEPARATORS:
        text = text.replace(separator, ",")
    words = [word.strip() for word in text.split(",") if word.strip()]
    unknown = [word for word in words if _key(word) not in _KNOWN]
    if unknown:
        raise RuleViolation([("languages", _("Deze talen staan niet in de lijst: %(names)s. Kies uit: %(list)s.",
                                             names=", ".join(unknown)[:200], list=", ".join(LANGUAGES)))])
    chosen = {_KNOWN[_key(word)] for word in words}
    return [name for name in LANGUAGES if name in chosen]


def stored(names):
    """What the column holds for a list of names: None when empty (nobody knows)."""
    return ", ".join(name for name in LANGUAGES if name in set(names)) or None


def listed(value):
    """The names in a stored value, for a form or a filter (anything not on the list is left out)."""
    return [name for name in LANGUAGES if name in {part.strip() for part in (value or "").split(",")}]
