"""Privacy across the site, below every feature package: the `flask privacy` commands and the signals the
packages that hold personal data connect to (erasure of an account, the retention purge).

It imports no feature package: each package connects its own receivers in its `init_app`, and adds its own
commands to the group (posts: `privacy points`).
"""
from webapp.privacy import cli


def init_app(app):
    app.cli.add_command(cli.privacy_group)
