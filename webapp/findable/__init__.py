"""Findable and printable: robots.txt, sitemap.xml, canonical URLs, and one-page handouts with a QR code."""
from flask import Blueprint

bp = Blueprint("findable", __name__)

from webapp.findable import handout_routes, routes  # noqa: E402,F401  (routes register themselves on bp)
from webapp.findable.canonical import canonical_url  # noqa: E402


def init_app(app):
    app.register_blueprint(bp)
    app.context_processor(lambda: {"canonical_url": canonical_url()})
