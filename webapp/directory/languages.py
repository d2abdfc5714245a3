"""The languages a voorziening's staff speak: a fixed list, stored as the names in list order ("Nederlands,
Arabisch"), so the search can filter on them. Never guessed: an empty list means nobody knows."""
from flask_babel import get_locale, gettext as _, lazy_gettext as _l
from flask_babel.speaklater import LazyString

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
# ISO 639 codes, for the API and for each language's name in the page's language (CLDR, through Babel)
CODES = {"Nederlands": "nl", "Fries": "fy", "Nederlandse Gebarentaal": "dse", "Engels": "en", "Duits": "de",
         "Frans": "fr", "Spaans": "es", "Portugees": "pt", "Italiaans": "it", "Pools": "pl", "Roemeens": "ro",
         "Bulgaars": "bg", "Oekraïens": "uk", "Russisch": "ru", "Turks": "tr", "Arabisch": "ar", "Koerdisch": "ku",
         "Tamazight (Berbers)": "ber", "Farsi": "fa", "Dari": "prs", "Pasjtoe": "ps", "Tigrinya": "ti",
         "Amhaars": "am", "Somalisch": "so", "Papiaments": "pap", "Sranantongo": "srn", "Chinees": "zh"}
CLDR_KEYS = {"prs": "fa_AF"}  # CLDR names Dari by its locale, not by its ISO 639-3 code
NOT_IN_CLDR = {"Nederlandse Gebarentaal": _l("Nederlandse Gebarentaal"), "Tamazight (Berbers)": _l("Tamazight (Berbers)")}


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


def label(name):
    """A language's name for the reader: the list's own Dutch name on a Dutch page, else CLDR's name in the page's
    language ("Arabisch" -> "Arabic", "العربية")."""
    locale = get_locale()
    if name in NOT_IN_CLDR:
        return str(NOT_IN_CLDR[name])
    if locale is None or locale.language == "nl":
        return name
    code = CODES.get(name, "")
    return locale.languages.get(CLDR_KEYS.get(code, code), name)


def by_code(code):
    """The list's name for an ISO code ("ar" -> "Arabisch"), or None."""
    return next((name for name, known in CODES.items() if known == code), None)


def choices():
    """(name, label) for a form: the stored name as value, the label in the page's language when it is shown."""
    return [(name, LazyString(label, name)) for name in LANGUAGES]
