"""Coördinatoren check posts, handle abuse reports and block users; every action is logged."""
from flask import Blueprint

bp = Blueprint("moderation", __name__)

from webapp.moderation import report_routes, routes  # noqa: E402,F401  (routes register themselves on bp)


def init_app(app):
    """Registers this package's blueprint."""
    app.register_blueprint(bp)
