"""`flask mail send-pending`: the backstop for a timer (systemd or cron), e.g. every minute."""
import sys

import click
from flask import current_app
from flask.cli import AppGroup

from webapp.mail.outbox import send_pending

mail_group = AppGroup("mail", help="De uitgaande mail versturen.")


@mail_group.command("send-pending")
@click.option("--limit", default=100, show_default=True, help="Hoeveel mails hoogstens.")
def send_pending_command(limit):
    """Send the due mails of the outbox; exit 1 when one failed (it is retried later)."""
    outcome = send_pending(current_app._get_current_object(), limit=limit)
    click.echo(f"Verstuurd: {outcome.sent}, mislukt: {outcome.failed}.")
    if outcome.failed:
        click.echo("Mislukte mails blijven bewaard en worden later opnieuw geprobeerd.", err=True)
        sys.exit(1)
