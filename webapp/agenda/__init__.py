"""The agenda: dated activities of a voorziening (one-off or recurring by an iCalendar RRULE), searchable,
shown on the voorziening's page, as iCalendar feeds, and maintained in beheer."""
from flask import Blueprint

bp = Blueprint("agenda", __name__)

from webapp.agenda import beheer_routes, provider_routes, routes  # noqa: E402,F401  (routes register themselves on bp)
from webapp.agenda.routes import service_section  # noqa: E402
from webapp.directory.signals import service_page_showing  # noqa: E402


def init_app(app):
    app.register_blueprint(bp)
    service_page_showing.connect(service_section)
