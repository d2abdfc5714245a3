"""Coördinatoren check posts, handle abuse reports and block users; every action is logged."""
from flask import Blueprint

bp = Blueprint("moderation", __name__)

from webapp.moderation import report_routes, routes  # noqa: E402,F401  (routes register themselves on bp)


def init_app(app):
    """Registers this package's blueprint; its part in deleting and downloading an account."""
    from webapp.accounts.profile import account_deleting, account_exporting
    from webapp.moderation.account_data import erase_reports_and_log, export_reports

    from webapp.moderation.cli import moderation_group

    app.register_blueprint(bp)
    app.cli.add_command(moderation_group)
    account_deleting.connect(erase_reports_and_log)
    account_exporting.connect(export_reports)
