"""`flask --app wsgi kaart remind-providers`: for a daily timer (systemd or cron), like `voorelkaar expire`."""
import click
from flask import current_app
from flask.cli import AppGroup

from webapp.providers.reminders import remind_stale

kaart_group = AppGroup("kaart", help="De sociale kaart: onderhoud van de voorzieningen.")


@kaart_group.command("remind-providers")
def remind_providers_command():
    """Mail the contact of every stale listing a link to check it (links go to SITE_URL)."""
    app = current_app._get_current_object()
    app.config["MAIL_SEND_INLINE"] = True  # this process ends right after: send now, not in a dying thread
    outcome = remind_stale()
    click.echo(f"Herinneringen verstuurd: {outcome.sent}. Kort geleden al herinnerd: {outcome.recently_reminded}. "
               f"Zonder e-mailadres: {outcome.without_address}.")
