"""PostgreSQL: pg_dump from an exported snapshot, so the row counts in the manifest are those of the dump;
pg_restore into an empty database."""
import os
import subprocess
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from webapp.backup.manifest import BackupError

FILE = "database.dump"


def libpq(url):
    """(a libpq connection string without the password, the environment with PGPASSWORD) for pg_dump/pg_restore:
    a password on the command line would show in `ps`."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = parsed.password
    dsn = parsed.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    return dsn, env


def backup(url, folder):
    """pg_dump into folder/FILE; returns (file name, row counts, schema revision, epoch) of the same snapshot."""
    engine = create_engine(url, isolation_level="REPEATABLE READ")
    try:
        with engine.connect() as connection:
            snapshot = connection.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            described = describe(connection)
            dsn, env = libpq(url)
            _run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={Path(folder) / FILE}",
                  f"--dbname={dsn}"], env)
            connection.rollback()
    finally:
        engine.dispose()
    return FILE, *described


def restore(url, folder, manifest):
    """pg_restore into the (empty) database of `url`, in one transaction; returns the restored row counts."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            if _tables(connection):
                raise BackupError("De database is niet leeg: zet een back-up alleen terug in een lege database.")
        dsn, env = libpq(url)
        _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
              f"--dbname={dsn}", str(Path(folder) / manifest["file"])], env)
        with engine.connect() as connection:
            return describe(connection)[0]
    finally:
        engine.dispose()


def describe(connection):
    """(row count per table, alembic revision, epoch) as the connection's transaction sees them."""
    tables = _tables(connection)
    counts = {table: connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one() for table in tables}
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar() \
        if "alembic_version" in counts else ""
    epoch = connection.execute(text("SELECT epoch FROM database_epoch WHERE id = 1")).scalar() \
        if "database_epoch" in counts else ""
    return counts, revision or "", epoch or ""


def _tables(connection):
    return sorted(connection.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).scalars())


def _run(command, env):
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=3600)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} ontbreekt: installeer de PostgreSQL-clientprogramma's "
                          "(Debian: postgresql-client) in dezelfde hoofdversie als de server.") from None
    if done.returncode != 0:
        raise BackupError(f"{command[0]} mislukte: {done.stderr.strip()}")
