"""`flask demo load`: the demo voorzieningen for a new site, and in demo mode the voor-elkaar examples.

One command above both packages: the kaart and voor elkaar each load their own part."""
import sys

import click
from flask import current_app
from flask.cli import AppGroup

from webapp.directory.contacts_demo import load_gemeente_contacts
from webapp.directory.demo import load_demo
from webapp.directory.synonyms import seed_groups
from webapp.errors import RuleViolation
from webapp.posts.demo import load_voorelkaar_demo

demo_group = AppGroup("demo", help="Voorbeeldgegevens laden.")


@demo_group.command("load")
def load_command():
    """Load the demo voorzieningen, and (in demo mode) the example accounts and posts; changed rows are left alone."""
    precisions, skipped = load_demo()
    click.echo(f"Voorzieningen geladen: {sum(precisions.values())}.")
    for precision, count in sorted(precisions.items()):
        click.echo(f"  locatie op {precision}: {count}")
    if skipped:
        click.echo(f"Overgeslagen omdat ze sinds het laden zijn gewijzigd: {skipped}.")
    click.echo(f"Groepen van woorden toegevoegd: {seed_groups()}.")
    contacts, contacts_skipped = load_gemeente_contacts()
    click.echo(f"Contactgegevens van gemeenten geladen: {contacts}"
               + (f" (overgeslagen omdat ze zijn gewijzigd: {contacts_skipped})." if contacts_skipped else "."))
    if not current_app.config["DEMO"]:
        click.echo("Voor elkaar: geen voorbeeldaccounts en -berichten; die bestaan alleen in demomodus "
                   "(BUURTKAART_DEMO=1).")
        return
    try:
        accounts, posts = load_voorelkaar_demo()
    except RuleViolation as refused:
        click.echo(f"Voor elkaar: {refused}", err=True)
        sys.exit(1)
    click.echo(f"Voor elkaar: {accounts} voorbeeldaccounts en {posts} voorbeeldberichten toegevoegd.")
