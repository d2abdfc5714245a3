"""`flask backup DIR` and `flask restore DIR`: a consistent copy of the database while the site runs, and back.

A backup folder holds the database (SQLite: a page-by-page copy through SQLite's online backup API; PostgreSQL:
a `pg_dump` custom-format file) and manifest.json: when, the schema revision, the row count of every table and
the file's sha256, all read from the same snapshot as the copy. Search indexes are not in it: they are derived,
and rebuild themselves after a restore (the restore gives the database a new epoch, webapp/epoch.py).
"""
from webapp.backup import cli


def init_app(app):
    app.cli.add_command(cli.backup_command)
    app.cli.add_command(cli.restore_command)
