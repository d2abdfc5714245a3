"""Search pages kept for a few seconds for visitors who carry no cookie but the language choice (Flask-Caching).

Such a visitor gets the same page as any other for the same address, language, minute (the "nu open" labels) and
what the search reads (index position, synonym groups): a change that reached the index shows at once, other
database changes (a translation, a holiday) within PAGE_CACHE_SECONDS. A visitor with a session (logged in, a
message waiting, a form token) always gets a fresh page, so an author reads their own writes. Each worker keeps its
own pages (at most PAGE_CACHE_ENTRIES); PAGE_CACHE_SECONDS=0 turns the cache off (the tests' default).

Why here and not in nginx: only the app knows the index position a page was built from, and the same settings
hold behind any proxy or none. A distinct search is not made faster by this; a burst of the same searches (a
link in the local paper, the theme pages) is.
"""
import time

from blinker import Namespace
from flask import current_app, request, session
from flask_babel import get_locale
from flask_caching import Cache
from flask_caching.signals import cache_view_hit

from webapp.i18n.services import COOKIE as LANGUAGE_COOKIE

cache = Cache()
# Sent when a page came from the cache, with endpoint= (webapp/ops counts it for /metrics).
page_reused = Namespace().signal("page-reused")


def init_app(app):
    seconds = int(app.config.get("PAGE_CACHE_SECONDS") or 0)
    app.extensions["page_cache_on"] = seconds > 0
    cache.init_app(app, config={
        "CACHE_TYPE": "SimpleCache" if seconds > 0 else "NullCache", "CACHE_NO_NULL_WARNING": True,
        "CACHE_DEFAULT_TIMEOUT": seconds, "CACHE_THRESHOLD": int(app.config.get("PAGE_CACHE_ENTRIES") or 300),
        "CACHE_KEY_PREFIX": "page/", "CACHE_ENABLE_SIGNALS": True})
    cache_view_hit.connect(_reused)


def for_visitors(version):
    """Decorator: keep what the view returns for visitors without a session. `version()` names what the page was
    built from besides its address, language and minute (what the search reads); a new value is a new page.

    The view must return the same thing for every such visitor and do nothing they need each time (missed
    searches are counted outside: directory/routes.py)."""
    def decorator(view):
        return cache.cached(unless=_not_shared, make_cache_key=lambda *_a, **_k: _key(version()),
                            response_filter=_keepable)(view)
    return decorator


def _not_shared():
    """True when this request must get its own page: the cache is off, or the visitor carries a cookie other
    than the language choice (a session, a "remember me")."""
    if not current_app.extensions["page_cache_on"] or request.method != "GET":
        return True
    return any(name != LANGUAGE_COOKIE for name in request.cookies)


def _key(version):
    return "|".join((request.full_path, str(get_locale()), str(version), str(minute())))


def minute():
    """The minute of the clock: "nu open" on a page may change with it."""
    return int(time.time() // 60)


def _keepable(response):
    """Only a page the view built without touching the session (no message, no token) and answered with 200 (a
    view that returns a Response or raises an HTTPException, which Flask-Caching hands over as its response)."""
    status = getattr(response, "status_code", 200)
    return status == 200 and not session


def _reused(_sender, **_extra):
    page_reused.send(current_app._get_current_object(), endpoint=request.endpoint)
