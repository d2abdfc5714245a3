"""Open data: the kaart as Open Referral HSDS 3.0 under /api/v1/hsds/ (read-only, for any origin), the OpenAPI
description of the JSON API, and `flask hsds export/import` of the HSDS tabular data package."""
from flask import Blueprint

from webapp import ratelimit

bp = Blueprint("opendata", __name__, url_prefix="/api/v1")

from webapp.opendata import cli, headers, routes  # noqa: E402,F401  (they register on bp)


def init_app(app):
    from webapp.extensions import csrf
    csrf.exempt(bp)  # read-only GET endpoints; no session state to protect
    ratelimit.limit_blueprint(app, bp, "RATELIMIT_API")
    app.register_blueprint(bp)
    app.cli.add_command(cli.hsds_group)
