"""`flask --app wsgi voorelkaar expire`: for a daily timer (systemd or cron)."""
import click
from flask import current_app
from flask.cli import AppGroup

from webapp.posts.expiry import expire_due

voorelkaar_group = AppGroup("voorelkaar", help="Voor elkaar: onderhoud van hulpvragen en hulpaanbod.")


@voorelkaar_group.command("expire")
def expire_command():
    """Close open posts whose time is up and remind authors a week before the end (links go to SITE_URL)."""
    app = current_app._get_current_object()
    # This process ends right after: send the mails now, not in a thread that would die with it.
    app.config["MAIL_SEND_INLINE"] = True
    outcome = expire_due()
    click.echo(f"Verlopen: {outcome.expired} bericht(en). Herinneringen verstuurd: {outcome.reminded}.")
