"""`flask --app wsgi voorelkaar expire`: for a daily timer (systemd or cron); `privacy points` after a change of k."""
import click
from flask import current_app
from flask.cli import AppGroup

from webapp.posts.expiry import expire_due
from webapp.posts.placement import recompute_public_points

voorelkaar_group = AppGroup("voorelkaar", help="Voor elkaar: onderhoud van hulpvragen en hulpaanbod.")


@voorelkaar_group.command("expire")
def expire_command():
    """Close open posts whose time is up and remind authors a week before the end (links go to SITE_URL)."""
    app = current_app._get_current_object()
    # This process ends right after: send the mails now, not in a thread that would die with it.
    app.config["MAIL_SEND_INLINE"] = True
    outcome = expire_due()
    click.echo(f"Verlopen: {outcome.expired} bericht(en). Herinneringen verstuurd: {outcome.reminded}.")


@click.command("points")
def points_command():
    """Recompute every post's public point (after a change of PRIVACY_K or of the shipped address data)."""
    moved = recompute_public_points()
    click.echo(f"Openbare punten opnieuw berekend: {moved} bericht(en) verplaatst.")
