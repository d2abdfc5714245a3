"""The public JSON API, /api/v1 (later also the HSDS open data)."""
from flask import Blueprint

from webapp import ratelimit

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from webapp.api import posts_routes, routes, suggestion_routes  # noqa: E402,F401  (they register on bp)


def init_app(app):
    from webapp.extensions import csrf
    csrf.exempt(bp)  # read-only GET endpoints; no session state to protect
    ratelimit.limit_blueprint(app, bp, "RATELIMIT_API")
    app.register_blueprint(bp)
