"""The public voor elkaar board (open vragen and aanbod, on a list and a map), and a resident's Mijn voor elkaar."""
from flask import Blueprint

bp = Blueprint("board", __name__)

from webapp.board import mine_routes, routes  # noqa: E402,F401  (register the routes on bp)


def init_app(app):
    app.register_blueprint(bp)
