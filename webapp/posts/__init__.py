"""Voor elkaar posts: hulpvragen and hulpaanbod, their life cycle, privacy and expiry."""
from flask import Blueprint

bp = Blueprint("posts", __name__, url_prefix="/voor-elkaar")

from webapp.posts import mine_routes, routes  # noqa: E402,F401  (routes register themselves on bp)


def init_app(app):
    """The residents' pages, the expiry command, and the posts' part in deleting and downloading an account."""
    from webapp.accounts.profile import account_deleting, account_exporting
    from webapp.posts import account_data, cli
    from webapp.posts.retention import purge_closed_posts
    from webapp.privacy.cli import privacy_group
    from webapp.privacy.retention import retention_purging

    app.register_blueprint(bp)
    app.cli.add_command(cli.voorelkaar_group)
    privacy_group.add_command(cli.points_command)
    # Signals are process-wide, and connecting the same function again is a no-op (tests make many apps).
    account_deleting.connect(account_data.anonymise_posts)
    account_exporting.connect(account_data.export_posts)
    retention_purging.connect(purge_closed_posts)
