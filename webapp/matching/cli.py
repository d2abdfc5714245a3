"""`flask --app wsgi koppelingen follow-up`: for a daily timer (systemd or cron)."""
import click
from flask import current_app
from flask.cli import AppGroup

from webapp.matching import followup

koppelingen_group = AppGroup("koppelingen", help="Voor elkaar: koppelingen opvolgen.")


@koppelingen_group.command("follow-up")
def follow_up_command():
    """Ask 'Hoe ging het?' after each match's planned day, and remind once two weeks later (links go to SITE_URL)."""
    # This process ends right after: send the mails now, not in a thread that would die with it.
    current_app.config["MAIL_SEND_INLINE"] = True
    outcome = followup.run()
    click.echo(f"Gevraagd hoe het ging: {outcome.asked} koppeling(en). Herinneringen: {outcome.reminded}.")
