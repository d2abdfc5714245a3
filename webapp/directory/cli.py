"""`flask demo load`: the demo voorzieningen for a new site."""
import click
from flask.cli import AppGroup

from webapp.directory.demo import load_demo
from webapp.posts.demo import load_voorelkaar_demo

demo_group = AppGroup("demo", help="Voorbeeldgegevens laden.")


@demo_group.command("load")
def load_command():
    """Load the demo voorzieningen, and the example accounts and posts of Voor elkaar; changed rows are left alone."""
    precisions, skipped = load_demo()
    click.echo(f"Voorzieningen geladen: {sum(precisions.values())}.")
    for precision, count in sorted(precisions.items()):
        click.echo(f"  locatie op {precision}: {count}")
    if skipped:
        click.echo(f"Overgeslagen omdat ze sinds het laden zijn gewijzigd: {skipped}.")
    accounts, posts = load_voorelkaar_demo()
    click.echo(f"Voor elkaar: {accounts} voorbeeldaccounts en {posts} voorbeeldberichten toegevoegd.")
