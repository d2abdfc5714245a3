"""Pages a Dutch gemeente site needs: toegankelijkheid, privacy, cookies and the data sources."""
from flask import Blueprint

bp = Blueprint("pages", __name__)

from webapp.pages import routes  # noqa: E402  (routes register themselves on bp)


def init_app(app):
    app.register_blueprint(bp)
