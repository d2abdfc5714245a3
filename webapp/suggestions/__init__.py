"""Suggested matches with their reasons, and referring the asker of a vraag to a voorziening."""
from flask import Blueprint

bp = Blueprint("suggestions", __name__)

from webapp.suggestions import routes  # noqa: E402,F401  (registers the routes on bp)


def init_app(app):
    """The coördinator pages."""
    app.register_blueprint(bp)
