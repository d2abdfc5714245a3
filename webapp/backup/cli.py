"""`flask backup DIR` and `flask restore DIR`."""
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import click
from flask import current_app
from sqlalchemy.orm import Session

from webapp.backup import manifest, postgres, sqlite
from webapp.epoch import start_new_epoch
from webapp.extensions import db


def _engine_module(url):
    return postgres if url.startswith("postgresql") else sqlite


@click.command("backup", help="Een back-up van de database maken in MAP (wordt gemaakt), terwijl de site draait.")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def backup_command(folder):
    """Make a consistent backup of the database in FOLDER (made when missing), while the site runs."""
    url = current_app.config["SQLALCHEMY_DATABASE_URI"]
    started, made_at = time.monotonic(), datetime.now(timezone.utc)
    try:
        if (folder / manifest.MANIFEST).exists():
            raise manifest.BackupError(f"{folder} bevat al een back-up; kies een nieuwe map.")
        folder.mkdir(parents=True, exist_ok=True)
        module = _engine_module(url)
        name, counts, revision, epoch = module.backup(url, folder)
    except manifest.BackupError as error:
        _fail(error)
    seconds = round(time.monotonic() - started, 2)
    manifest.write(folder, made_at=made_at.isoformat(), dialect=module.__name__.rsplit(".", 1)[1], file=name,
                   sha256=manifest.sha256_of(folder / name), bytes=(folder / name).stat().st_size,
                   schema_revision=revision, epoch=epoch, row_counts=counts, seconds=seconds)
    click.echo(f"Back-up gemaakt in {folder} ({sum(counts.values())} rijen in {len(counts)} tabellen, "
               f"schema {revision}, {seconds} s).")


@click.command("restore", help="Een back-up uit MAP terugzetten in een lege database (DATABASE_URL), met een nieuw tijdperk.")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
def restore_command(folder):
    """Put the backup in FOLDER into the (empty) database of DATABASE_URL and give it a new epoch.

    Each server's search index then sees the new epoch and rebuilds itself on its first search.
    """
    url = current_app.config["SQLALCHEMY_DATABASE_URI"]
    try:
        found = manifest.read(folder)
        module = _engine_module(url)
        if found["dialect"] != module.__name__.rsplit(".", 1)[1]:
            raise manifest.BackupError(f"Dit is een back-up van {found['dialect']}; DATABASE_URL is geen "
                                       f"{found['dialect']}-database.")
        counts = module.restore(url, folder, found)
        wrong = manifest.differences(found["row_counts"], counts)
        if wrong:
            raise manifest.BackupError("Teruggezet, maar de aantallen rijen kloppen niet met manifest.json: "
                                       + "; ".join(wrong))
    except manifest.BackupError as error:
        _fail(error)
    with Session(db.engine) as session:
        epoch = start_new_epoch(session, f"restore of the backup made at {found['made_at']}")
    click.echo(f"Back-up van {found['made_at']} teruggezet ({sum(counts.values())} rijen, schema "
               f"{found['schema_revision']}); nieuw database-tijdperk {epoch}. Zoekindexen bouwen zichzelf "
               "opnieuw op bij de eerste zoekvraag (of draai: flask --app wsgi search follow).")


def _fail(error):
    click.echo(str(error), err=True)
    sys.exit(1)
