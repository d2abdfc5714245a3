"""Providers keep their listing right: reminders with a signed link, confirm or correct without an account,
'Klopt er iets niet?' for everyone, and the beheer queue where corrections are accepted field by field."""
from flask import Blueprint

bp = Blueprint("providers", __name__)

from webapp.providers import queue_routes, routes  # noqa: E402,F401  (routes register themselves on bp)


def init_app(app):
    from webapp.privacy.erasure import account_erasing
    from webapp.providers.cli import kaart_group

    app.register_blueprint(bp)
    app.cli.add_command(kaart_group)
    account_erasing.connect(forget_sender)  # a reminder sent by hand keeps an anonymous id, not the address


def forget_sender(user):
    from webapp.privacy.erasure import forget_actor
    from webapp.providers.models import ListingReminder
    forget_actor(ListingReminder.actor, user)
