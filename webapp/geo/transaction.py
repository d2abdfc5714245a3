"""Short write transactions apart from the caller's session, for the geocoder's cache and throttle rows."""
from contextlib import contextmanager

from webapp.database import WRITE_OPTION
from webapp.extensions import db

SQLITE_LOCK_WAIT_MS = 500


@contextmanager
def own_transaction():
    """Commit our rows without committing the caller's changes, and without holding a lock while they work.

    SQLite has one write lock for the whole file. When the caller's own session holds it (begin_write, or a
    flush), waiting for it can only end in the 15 s busy timeout; we wait half a second, then the
    OperationalError tells the caller to carry on offline.
    """
    with db.engine.connect() as connection:
        previous = _shorten_lock_wait(connection)
        try:
            with connection.execution_options(**{WRITE_OPTION: True}).begin():
                yield connection
        finally:
            _restore_lock_wait(connection, previous)


def _shorten_lock_wait(connection):
    if connection.dialect.name != "sqlite":
        return None
    previous = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
    connection.exec_driver_sql(f"PRAGMA busy_timeout={SQLITE_LOCK_WAIT_MS}")
    connection.commit()
    return previous


def _restore_lock_wait(connection, previous):
    if previous is not None:
        connection.exec_driver_sql(f"PRAGMA busy_timeout={int(previous)}")
        connection.commit()
