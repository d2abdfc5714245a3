"""Engine settings that make SQLite safe with several gunicorn workers, and the write-transaction helper."""
from contextlib import contextmanager

from sqlalchemy import event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import scoped_session

from webapp.extensions import db

WRITE_OPTION = "buurtkaart_write"


def configure_engine(engine):
    """SQLite: WAL journal, a busy timeout (never 0), and BEGIN IMMEDIATE for write transactions.

    Measured (../shared/notes): with timeout 0, 75-98% of concurrent writes fail with "database is locked".
    A deferred transaction that reads and then writes fails at once, without waiting, when another process
    wrote in between; starting writers with BEGIN IMMEDIATE makes them wait their turn instead.
    """
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _sqlite_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # the "begin" listener below emits BEGIN itself
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _sqlite_begin(connection):
        writer = connection.get_execution_options().get(WRITE_OPTION)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")


def begin_write(session):
    """Start the session's transaction as a writer (call at the start of a service that writes).

    A transaction that only read so far (loading the logged-in user, say) is ended first, so the write
    starts with the lock; one that already holds changes is left alone.
    """
    if isinstance(session, scoped_session):
        session = session()
    if session.in_transaction() and not (session.new or session.dirty or session.deleted):
        session.rollback()
    if not session.in_transaction():
        session.connection(execution_options={WRITE_OPTION: True})


class StaleVersion(Exception):
    """The row changed after the user's page showed it (another person saved first); `row` is the current row."""

    def __init__(self, row):
        self.row = row
        super().__init__(f"{type(row).__name__} {getattr(row, 'id', '')} changed since it was shown")


@contextmanager
def write_block():
    """The one way to write: begin as a writer (SQLite: BEGIN IMMEDIATE), do the writes, commit; on any error
    roll back and re-raise. Everything slow (validation, geocoding, hashing) is prepared before entering, so
    the lock is held only for the writes themselves."""
    begin_write(db.session)
    try:
        yield db.session
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise


def check_version(row, seen_version):
    """Inside write_block(): re-load the row and refuse (StaleVersion) when it is not the version the user saw.

    `seen_version` None means the request carried none (a caller without a form); then the last save wins.
    """
    db.session.refresh(row)
    if seen_version is not None and row.version != seen_version:
        raise StaleVersion(row)
    return row


def insert_unless_taken(add, find):
    """`(add(), True)`, with add's new rows flushed in a savepoint; or `(find(), False)` when a unique constraint
    refused them because another transaction made the same row at the same moment.

    SQLite's BEGIN IMMEDIATE lets one writer at a time read-then-insert; PostgreSQL (read committed) lets two
    both see no row and both insert, and the second waits for the first and then gets the IntegrityError. The
    savepoint keeps the rest of this transaction, and the other's row is visible to the next statement.
    """
    try:
        with db.session.begin_nested():
            return add(), True
    except IntegrityError:
        existing = find()
        if existing is None:  # another constraint: a real error
            raise
        return existing, False
