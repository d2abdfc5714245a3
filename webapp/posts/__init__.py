"""Voor elkaar posts: hulpvragen and hulpaanbod, their life cycle, privacy and expiry."""
from flask import Blueprint

bp = Blueprint("posts", __name__, url_prefix="/voor-elkaar")

from webapp.posts import mine_routes, routes  # noqa: E402,F401  (routes register themselves on bp)


def init_app(app):
    """The residents' pages, the expiry command, and the posts' part in deleting and downloading an account."""
    from webapp.accounts.profile import DELETION_HOOKS, EXPORT_HOOKS
    from webapp.posts import account_data, cli

    app.register_blueprint(bp)
    app.cli.add_command(cli.voorelkaar_group)
    for hooks, hook in ((DELETION_HOOKS, account_data.anonymise_posts), (EXPORT_HOOKS, account_data.export_posts)):
        if hook not in hooks:  # one list for every app made in this process (tests make many)
            hooks.append(hook)
