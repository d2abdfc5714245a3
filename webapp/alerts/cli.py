"""`flask --app wsgi meldingen send-digest`: for a daily timer (systemd or cron)."""
import click
from flask import current_app
from flask.cli import AppGroup

from webapp.alerts.services import send_digests

meldingen_group = AppGroup("meldingen", help="Voor elkaar: meldingen van nieuwe berichten in de buurt.")


@meldingen_group.command("send-digest")
def send_digest_command():
    """One mail per daily or weekly subscription whose period has passed, with the posts approved since."""
    # This process ends right after: send the mails now, not in a thread that would die with it.
    current_app.config["MAIL_SEND_INLINE"] = True
    click.echo(f"Verzonden: {send_digests()} mail(s) met nieuwe berichten.")
