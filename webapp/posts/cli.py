"""`flask --app wsgi voorelkaar expire`: for a daily timer (systemd or cron)."""
import sys

import click
from flask import current_app
from flask.cli import AppGroup

from webapp.posts.expiry import expire_due

voorelkaar_group = AppGroup("voorelkaar", help="Voor elkaar: onderhoud van hulpvragen en hulpaanbod.")


@voorelkaar_group.command("expire")
@click.option("--site-url", envvar="BUURTKAART_SITE_URL", default=None,
              help="Het adres van de website voor de link in de herinnering, bv. https://buurtkaart.meppel.nl "
                   "(of zet BUURTKAART_SITE_URL of SERVER_NAME).")
def expire_command(site_url):
    """Close open posts whose time is up and remind authors a week before the end."""
    app = current_app._get_current_object()
    if not site_url and not app.config.get("SERVER_NAME"):
        click.echo("Geef --site-url (of BUURTKAART_SITE_URL): de herinneringsmail heeft een link nodig.", err=True)
        sys.exit(2)
    # This process ends right after: send the mails now, not in a thread that would die with it.
    app.config["MAIL_SEND_INLINE"] = True
    if site_url:
        with app.test_request_context(base_url=site_url):
            outcome = expire_due()
    else:
        outcome = expire_due()
    click.echo(f"Verlopen: {outcome.expired} bericht(en). Herinneringen verstuurd: {outcome.reminded}.")
