"""The coördinator's workbench: what waits for them in their gemeenten, with a link to each list."""
from flask import Blueprint

bp = Blueprint("workbench", __name__)

from webapp.workbench import routes  # noqa: E402,F401  (registers the routes on bp)


def init_app(app):
    app.register_blueprint(bp)
