"""The one address of a page for search engines: SITE_URL + the route with its path arguments, no query string."""
from flask import request
from werkzeug.routing import BuildError

from webapp.site import absolute_url


def canonical_url():
    """The canonical URL of the page being rendered; None outside a matched GET route (errors, mails)."""
    if request.url_rule is None or request.endpoint in (None, "static") or request.method != "GET":
        return None
    try:
        return absolute_url(request.endpoint, **(request.view_args or {}))
    except BuildError:
        return None
