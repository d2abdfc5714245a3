"""`flask --app wsgi privacy ...`: the commands of privacy; packages add theirs to privacy_group."""
import click
from flask.cli import AppGroup

from webapp.privacy.retention import purge

privacy_group = AppGroup("privacy", help="Privacy: openbare punten en bewaartermijnen.")


@privacy_group.command("purge")
def purge_command():
    """Remove what is kept longer than its period (RETENTION_*_DAYS): for a daily timer."""
    for what, count in purge():
        click.echo(f"{what}: {count}")
