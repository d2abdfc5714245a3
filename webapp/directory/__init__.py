"""The sociale kaart: voorzieningen, their organisations, locations and opening hours."""
from flask import Blueprint

bp = Blueprint("directory", __name__)

from webapp.directory import routes, worry_routes  # noqa: E402,F401  (routes register themselves on bp)


def init_app(app):
    app.register_blueprint(bp)
