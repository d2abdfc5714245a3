"""The coördinatoren's impact dashboard, and the kaart searches that found nothing."""
from flask import Blueprint

bp = Blueprint("dashboard", __name__, url_prefix="/coordinator")

from webapp.dashboard import routes  # noqa: E402,F401  (routes register themselves on bp)


def init_app(app):
    """Registers the dashboard pages (/coordinator/dashboard and its CSV export)."""
    app.register_blueprint(bp)
