"""`flask assets build`: run it on every deploy, after updating the code and before restarting gunicorn."""
import click
from flask import current_app
from flask.cli import AppGroup

from webapp.assets.build import brotli, build

assets_group = AppGroup("assets", help="Statische bestanden klaarzetten voor productie.")


@assets_group.command("build")
def build_command():
    """Write content-hashed, compressed copies of static/ and their manifest to ASSETS_DIR."""
    files = build(current_app.static_folder, current_app.config["ASSETS_DIR"])
    kinds = ".gz en .br" if brotli else ".gz (brotli ontbreekt)"
    click.echo(f"{len(files)} bestanden in {current_app.config['ASSETS_DIR']}, met {kinds}. "
               "Herstart gunicorn om ze te gebruiken.")
