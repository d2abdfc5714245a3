"""Providers keep their listing right: reminders with a signed link, confirm or correct without an account,
'Klopt er iets niet?' for everyone, and the beheer queue where corrections are accepted field by field."""
from flask import Blueprint

bp = Blueprint("providers", __name__)

from webapp.providers import queue_routes, routes  # noqa: E402,F401  (routes register themselves on bp)


def init_app(app):
    from webapp.directory.merging import services_merged
    from webapp.privacy.erasure import account_erasing
    from webapp.providers.corrections import move_to_kept
    from webapp.providers.cli import kaart_group
    from webapp.privacy.retention import retention_purging
    from webapp.providers.retention import forget_beheerder, purge_handled

    app.register_blueprint(bp)
    app.cli.add_command(kaart_group)
    account_erasing.connect(forget_beheerder)
    services_merged.connect(move_to_kept)
    retention_purging.connect(purge_handled)
