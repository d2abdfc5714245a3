"""Which languages the interface offers and which one a request gets."""
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from babel import Locale
from flask import current_app, has_request_context, request
from flask_babel import get_locale, gettext
from markupsafe import Markup, escape

from webapp.geo.precision import GEMEENTE, POSTCODE

COOKIE = "taal"
COOKIE_MAX_AGE = 365 * 24 * 3600
DUTCH_ONLY = ("/api/",)  # path prefixes: the JSON API (/api/v1/...) and the open data (/api/v1/hsds/...)


@lru_cache(maxsize=4)
def _catalog_languages(directory):
    """The languages with a compiled catalog in `directory` (tests/i18n fails on one that is not complete)."""
    return tuple(sorted(path.parent.parent.name for path in Path(directory).glob("*/LC_MESSAGES/messages.mo")))


def languages():
    """Every language the interface can be shown in: the default first, then the catalogs."""
    default = current_app.config["BABEL_DEFAULT_LOCALE"]
    found = []
    for directory in current_app.config["BABEL_TRANSLATION_DIRECTORIES"].split(";"):
        found += [code for code in _catalog_languages(directory) if code not in found and code != default]
    return [default, *found]


def select_locale():
    """The `taal` cookie if it names a language we have, else the browser's first language we have, else Dutch
    (also outside a request: a command line, a mail queued by a timer; and for the JSON API and the open data,
    whose labels and messages are Dutch for every client, so their cached answers need no Vary)."""
    offered = languages()
    if not has_request_context() or request.path.startswith(DUTCH_ONLY):
        return offered[0]
    chosen = request.cookies.get(COOKIE, "")
    if chosen in offered:
        return chosen
    return request.accept_languages.best_match(offered) or offered[0]


def language_name(code):
    """A language's name in that language ('English', 'العربية'), so a reader finds their own."""
    return Locale.parse(code).get_display_name(code).capitalize()


def safe_return_path(raw):
    """Where to go after switching: a path on this site, never another site ('//x', '/\\x', 'https://x').
    No control characters at all: URL parsers (Python's, so Werkzeug's Location, and browsers) drop a tab or a
    line break, which turns '/<tab>/x' into '//x'."""
    raw = raw or ""
    control = any(ord(char) < 32 or ord(char) == 127 for char in raw)
    if raw.startswith("/") and not raw.startswith(("//", "/\\")) and not control:
        return raw
    return None


def switch_back():
    """Where the switcher leads back to: this page; on the answer to a form (POST) the page the form was on, as
    that POST's address may answer no GET (/coordinator/controle/<id>/afwijzen: 405)."""
    if request.method == "GET":
        return request.full_path.rstrip("?")
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc == request.host and referrer.path:
        return referrer.path + (f"?{referrer.query}" if referrer.query else "")
    return "/"


def page_language():
    """`<html lang dir>` and the switcher's list, for every template."""
    locale = get_locale()
    page_lang, page_dir = html_lang_dir(locale)
    return {"page_lang": page_lang, "page_dir": page_dir,
            "other_languages": [(other, language_name(other)) for other in languages() if other != str(locale)]}


def html_lang_dir(locale):
    """The `lang` and `dir` attributes for a Babel locale: ('en', 'ltr'), ('ar', 'rtl'), ('pt-BR', 'ltr')."""
    return str(locale).replace("_", "-"), "rtl" if locale.character_order == "right-to-left" else "ltr"


@lru_cache(maxsize=16)
def _direction(code):
    return html_lang_dir(Locale.parse(code.replace("-", "_")))[1]


def data_lang(lang=None, written=False):
    """` lang="nl"` for a text of the data (Dutch unless it is a translation) on a page in another language, and
    ` lang="<code>"` for a translated text (WCAG 3.1.2, language of parts); nothing for Dutch on a Dutch page.
    Where the text runs the other way than the page (Dutch on an Arabic page) also ` dir`, so its full stop and
    brackets stay at its end. `written`: a resident's own words (a post), which may be in any language: ` dir="auto"`
    on every page, the browser takes the direction from its first letter."""
    default = current_app.config["BABEL_DEFAULT_LOCALE"]
    lang = lang or default
    page = str(get_locale()) if has_request_context() and get_locale() else default
    attributes = Markup("") if lang == default == page else Markup(' lang="%s"') % escape(lang.replace("_", "-"))
    if written:
        return attributes + Markup(' dir="auto"')
    if attributes and _direction(lang) != _direction(page):
        attributes += Markup(' dir="%s"') % _direction(lang)
    return attributes  # falsy for Dutch on a Dutch page: in_dutch() leaves the text as it is


def in_dutch(text):
    """A Dutch text of the data inside a translated sentence: as it is on a Dutch page, else in a
    <span lang="nl">."""
    if not data_lang():
        return escape(text)
    return Markup("<span%s>%s</span>") % (data_lang(), text)


def place_name(place):
    """A place that was searched for, in the page's language: "postcode 7941" and "gemeente Meppel" are the site's
    words around a code or a name; an address or a woonplaats is Dutch data (in_dutch)."""
    label = place.label
    if place.precision == POSTCODE and label.startswith("postcode "):
        return escape(gettext("postcode %(code)s", code=label.removeprefix("postcode ")))
    if place.precision == GEMEENTE and label.startswith("gemeente "):
        return escape(gettext("gemeente %(name)s")) % {"name": in_dutch(label.removeprefix("gemeente "))}
    return in_dutch(label)


def request_language():
    """The language of the page the reader is on (for a mail they asked for themselves), or None outside a request."""
    return str(get_locale()) if has_request_context() else None
