"""Reactions, suggested matches and their confirmation by a coördinator."""
from flask import Blueprint

bp = Blueprint("matching", __name__)

from webapp.matching import (cli, conversation_routes, coordinator_routes, followup_routes,  # noqa: E402,F401
                             routes)


def init_app(app):
    from webapp.accounts.profile import account_deleting, account_exporting
    from webapp.matching.account_data import erase_conversations, export_conversations
    from webapp.matching.closing import close_open_conversations
    from webapp.matching.retention import purge_conversations
    from webapp.privacy.retention import retention_purging
    from webapp.posts.lifecycle import post_closing
    post_closing.connect(close_open_conversations)  # once per process, however many apps are made
    account_deleting.connect(erase_conversations)
    account_exporting.connect(export_conversations)
    retention_purging.connect(purge_conversations)
    app.register_blueprint(bp)
    app.cli.add_command(cli.koppelingen_group)
