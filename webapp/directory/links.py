"""Links that change one thing about the current search and keep the rest (shareable, back-button safe)."""
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from flask import request, url_for
from werkzeug.datastructures import MultiDict


RESULT_PAGES = ("directory.search", "directory.theme")


def search_url(endpoint=None, drop=(), **changes):
    """The current query string with `changes` applied; a None value or a name in `drop` removes it.

    A change to anything but the page goes back to page 1. Without an endpoint: the results page we are on
    (a theme page keeps its theme).
    """
    endpoint = endpoint or (request.endpoint if request.endpoint in RESULT_PAGES else "directory.search")
    args = MultiDict(request.args)
    for name in drop:
        args.poplist(name)
    for name, value in changes.items():
        args.poplist(name)
        if value is not None:
            args.setlist(name, value if isinstance(value, list) else [value])
    if set(changes) - {"pagina"} or drop:
        args.poplist("pagina")
    own_args = request.view_args if endpoint == request.endpoint else {}
    values = {**(own_args or {}), **args.to_dict(flat=False)}
    return url_for(endpoint, **values)


SEARCH_PATHS = re.compile(r"/zoeken|/thema/[a-z0-9-]{1,80}")


def back_to_search():
    """Where "Terug naar zoeken" goes: the search this page was opened from (the Referer, which the site's
    Referrer-Policy sends on its own pages only), else /zoeken. Only this site's /zoeken or /thema/<slug> is
    taken, and rebuilt from its path and query: never another host, so never an open redirect."""
    referrer = urlsplit((request.referrer or "")[:2000])
    if (referrer.scheme in ("http", "https") and referrer.netloc == request.host
            and SEARCH_PATHS.fullmatch(referrer.path)):
        query = urlencode(parse_qsl(referrer.query, keep_blank_values=True))
        return referrer.path + (f"?{query}" if query else "")
    return url_for("directory.search")


def without_value(name, value):
    """The current search with one value of a multi-valued filter (a thema) taken off."""
    remaining = [v for v in request.args.getlist(name) if v != value]
    return search_url(**{name: remaining or None})


def page_numbers(current, last, around=2):
    """[1, None, 4, 5, 6, None, 12]: the first, the last and the pages near the current one; None is a gap."""
    shown = sorted({1, last, *range(max(1, current - around), min(last, current + around) + 1)})
    numbers = []
    for number in shown:
        if numbers and number - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers
