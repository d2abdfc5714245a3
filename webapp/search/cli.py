"""`flask search reindex | verify | follow`."""
import sys
import time

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy.orm import Session

from webapp.extensions import db
from webapp.search import applier, rebuild
from webapp.search import log as index_log

search_group = AppGroup("search", help="De zoekindex bijwerken en controleren.")


@search_group.command("reindex")
def reindex_command():
    """Rebuild the index from the database."""
    count = rebuild.reindex(current_app)
    click.echo(f"Zoekindex opnieuw opgebouwd: {count} documenten.")


@search_group.command("verify")
def verify_command():
    """Compare the index with the database; exit 1 on any missing, extra or stale document."""
    result = rebuild.verify(current_app)
    click.echo(f"Index op logpositie {result.position}, log tot {result.head}.")
    for label, keys in (("ontbreekt", result.missing), ("te veel", result.extra), ("verouderd", result.stale)):
        for key in keys:
            click.echo(f"{label}: {key}")
    if not result.ok:
        click.echo("De zoekindex klopt niet met de database. Draai: flask --app wsgi search follow", err=True)
        sys.exit(1)
    click.echo("De zoekindex klopt met de database.")


@search_group.command("follow")
@click.option("--watch", is_flag=True, help="Blijf draaien en werk elke paar seconden bij.")
@click.option("--interval", default=2.0, show_default=True)
def follow_command(watch, interval):
    """Apply the index log up to its head (waiting for the lock), then prune what every index has applied."""
    while True:
        applied = applier.catch_up(current_app, lock_timeout=30, rebuild=True)
        with Session(db.engine) as session:
            pruned = index_log.prune(session)
        if applied is None:
            click.echo("De zoekindex was bezet; probeer het zo opnieuw.", err=True)
        click.echo(f"Toegepast: {applied or 0} logregels; opgeruimd: {pruned}.")
        if not watch:
            return
        time.sleep(interval)
