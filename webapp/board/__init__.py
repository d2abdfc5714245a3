"""The public voor elkaar board: open vragen and aanbod, searchable on a list and a map."""
from flask import Blueprint

bp = Blueprint("board", __name__)

from webapp.board import routes  # noqa: E402,F401  (registers the routes on bp)


def init_app(app):
    app.register_blueprint(bp)
