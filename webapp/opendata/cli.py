"""`flask hsds export DIR` and `flask hsds import DIR [--proef]`: the HSDS tabular data package."""
import sys

import click
from flask import current_app
from flask.cli import AppGroup

from webapp.opendata.importing import import_package
from webapp.opendata.tabular import write_package

hsds_group = AppGroup("hsds", help="De sociale kaart als Open Referral HSDS 3.0: exporteren en importeren.")


@hsds_group.command("export")
@click.argument("folder", type=click.Path(file_okay=False))
def export_command(folder):
    """Write the CSV files and datapackage.json into FOLDER."""
    config = current_app.config
    counts = write_package(folder, config["OPEN_DATA_LICENCE_NAME"], config["OPEN_DATA_LICENCE_URL"])
    for path, count in counts.items():
        click.echo(f"{path}: {count} rijen")
    click.echo(f"HSDS-datapakket geschreven in {folder} (licentie {config['OPEN_DATA_LICENCE_NAME']}).")


@hsds_group.command("import")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--proef", is_flag=True, help="Alles nagaan en melden, maar niets bewaren.")
def import_command(folder, proef):
    """Read an HSDS datapakket from FOLDER; report per row; exit 1 when a row was refused."""
    report = import_package(folder, dry_run=proef)
    for line in report.lines:
        click.echo(str(line))
    summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(report.counts.items())) or "niets"
    click.echo(f"{'Proef, niets bewaard' if proef else 'Klaar'}: {summary}.")
    if not report.ok:
        click.echo("Rijen met 'fout' zijn niet ingelezen; de rest wel." if not proef else
                   "Rijen met 'fout' zouden niet worden ingelezen.", err=True)
        sys.exit(1)
