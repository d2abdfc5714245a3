"""Who you are and what you may do: accounts, roles per gemeente, logging in."""
from flask import Blueprint, has_request_context
from flask_babel import lazy_gettext as _l

from webapp.extensions import login_manager
from webapp.mail.outbox import address_refused

bp = Blueprint("accounts", __name__)

from webapp.accounts import (acting, cli, intake_routes, phone, profile_routes,  # noqa: E402,F401  (routes on bp)
                             registration_routes, routes, services, sessions, unsubscribe_routes)


def init_app(app):
    login_manager.user_loader(services.load_user)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = _l("Log in om deze pagina te zien.")
    login_manager.login_message_category = "info"
    app.register_blueprint(bp)
    app.before_request(sessions.end_idle_session)
    address_refused.connect(services.mark_bounced)
    app.cli.add_command(cli.accounts_group)
    app.add_template_filter(phone.display, "phone")
    app.context_processor(lambda: {"acting_for": acting.acting_for() if has_request_context() else None})
