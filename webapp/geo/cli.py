"""`flask geo lookup "<text>"`: see where the offline geocoder puts a text, and how precisely."""
import click
from flask.cli import AppGroup

from webapp.errors import RuleViolation
from webapp.geo.services import locate

geo_group = AppGroup("geo", help="Plaatsen opzoeken met de offline gegevens.")


@geo_group.command("lookup")
@click.argument("text")
@click.option("--gemeente", default=None, help="Zoek straten en plaatsen alleen in deze gemeente.")
def lookup(text, gemeente):
    """Print 'label | precision | lat, lon'; exit code 1 with the reason when the place is unknown or unclear."""
    try:
        place = locate(text, gemeente)
    except RuleViolation as error:
        click.echo(str(error), err=True)
        raise SystemExit(1) from None
    click.echo(f"{place.label} | {place.precision} | {place.latitude:.6f}, {place.longitude:.6f}")
