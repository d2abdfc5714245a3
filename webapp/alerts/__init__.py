"""Meldingen: residents hear of new approved posts near them (a volunteer of vragen, an asker of aanbod), at once
or in a daily or weekly digest, by mail through the outbox, each with a one-click stop link."""
from flask import Blueprint

bp = Blueprint("alerts", __name__)

from webapp.alerts import routes  # noqa: E402,F401  (registers the routes on bp)


def init_app(app):
    from webapp.accounts.profile import account_exporting
    from webapp.alerts import cli, services
    from webapp.posts.lifecycle import post_published

    app.register_blueprint(bp)
    app.cli.add_command(cli.meldingen_group)
    post_published.connect(services.announce)  # once per process, however many apps are made
    account_exporting.connect(services.export_subscriptions)
