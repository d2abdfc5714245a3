"""What every open data answer carries: CORS (read-only, any origin), caching validators and the licence."""
from datetime import datetime

from flask import current_app, g, request

from webapp.opendata import bp

CACHE_SECONDS = 300


def modified_at(stamps):
    """Remember the newest HSDS timestamp ("...Z") of this answer for its Last-Modified header."""
    known = [stamp for stamp in stamps if stamp]
    if known:
        g.open_data_modified = datetime.fromisoformat(max(known))


@bp.after_request
def open_data_headers(response):
    config = current_app.config
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response.headers["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Link"
    response.headers["Link"] = f'<{config["OPEN_DATA_LICENCE_URL"]}>; rel="license"'
    if response.status_code == 200 and request.method in ("GET", "HEAD"):
        response.headers["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
        modified = g.pop("open_data_modified", None)
        if modified is not None:
            response.last_modified = modified
        response.add_etag()
        response.make_conditional(request)
    return response
