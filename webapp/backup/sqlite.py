"""SQLite: the online backup API copies every page within one read transaction, WAL included, while writers
go on (a plain file copy misses what is still in the WAL)."""
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import make_url

from webapp.backup.manifest import BackupError

FILE = "database.sqlite3"


def database_path(url):
    path = make_url(url).database
    if not path or path == ":memory:":
        raise BackupError("Een SQLite-database in het geheugen kan niet worden geback-upt.")
    return Path(path)


def backup(url, folder):
    """Copy the live database into folder/FILE; returns (file name, row counts, schema revision, epoch)."""
    target = Path(folder) / FILE
    with closing(sqlite3.connect(database_path(url), timeout=30)) as source, \
            closing(sqlite3.connect(target)) as copy:
        source.backup(copy)  # all pages in one step: one consistent snapshot
    with closing(sqlite3.connect(target)) as copy:
        return FILE, *describe(copy)


def restore(url, folder, manifest):
    """Copy the backup into the (empty) database of `url`; returns the restored row counts."""
    path = database_path(url)
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path, timeout=30)) as target:
        if _tables(target):
            raise BackupError(f"De database {path} is niet leeg: zet een back-up alleen terug in een lege database.")
        with closing(sqlite3.connect(Path(folder) / manifest["file"])) as source:
            source.backup(target)
        return describe(target)[0]


def describe(connection):
    """(row count per table, alembic revision, epoch) of an open sqlite3 connection."""
    counts = {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
              for table in _tables(connection)}
    revision = _scalar(connection, "SELECT version_num FROM alembic_version") if "alembic_version" in counts else ""
    epoch = _scalar(connection, "SELECT epoch FROM database_epoch WHERE id = 1") if "database_epoch" in counts else ""
    return counts, revision or "", epoch or ""


def _tables(connection):
    return sorted(row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))


def _scalar(connection, sql):
    row = connection.execute(sql).fetchone()
    return row[0] if row else None
