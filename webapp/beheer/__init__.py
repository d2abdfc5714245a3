"""Beheer screens of the kaart (/beheer): beheerders maintain the voorzieningen of their gemeenten.

The rules live in webapp/directory/maintenance.py; these routes only check who may, and call one service.
"""
from flask import Blueprint

bp = Blueprint("beheer", __name__, url_prefix="/beheer")

from webapp.beheer import (district_routes, duplicate_routes, gemeente_routes, import_routes, routes,  # noqa: E402,F401
                           translation_routes, word_routes)  # (routes register themselves on bp)


def init_app(app):
    app.register_blueprint(bp)
