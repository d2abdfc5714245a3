"""A `limits` storage that counts in a database table: a SQLite file of its own, or a table in PostgreSQL.

Every call is one short statement on the storage's own engine, never inside the site's transaction; the
increment is a single INSERT ... ON CONFLICT DO UPDATE ... RETURNING, so workers and servers count exactly.
Fixed windows: a key's window starts at its first hit and ends `expiry` seconds later.
"""
import os
import random
import threading
import time

from limits.storage import Storage
from sqlalchemy import Column, Float, Integer, String, Table, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.schema import CreateTable

from webapp.extensions import db

# In the site's metadata so the migration creates it on PostgreSQL (and tests empty it between tests).
counters = Table(
    "rate_limit_counters", db.metadata,
    Column("key", String(255), primary_key=True),
    Column("count", Integer, nullable=False),
    Column("expires_at", Float, nullable=False),
)

INCREMENT = text("""
    INSERT INTO rate_limit_counters (key, count, expires_at) VALUES (:key, :amount, :now + :expiry)
    ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN rate_limit_counters.expires_at <= :now THEN :amount
                     ELSE rate_limit_counters.count + :amount END,
        expires_at = CASE WHEN rate_limit_counters.expires_at <= :now THEN :now + :expiry
                          ELSE rate_limit_counters.expires_at END
    RETURNING count
""")
GIVE_BACK = text("UPDATE rate_limit_counters SET count = count - :amount "
                 "WHERE key = :key AND expires_at > :now AND count >= :amount")
LIVE = text("SELECT count, expires_at FROM rate_limit_counters WHERE key = :key AND expires_at > :now")
FORGET_EXPIRED = text("DELETE FROM rate_limit_counters WHERE expires_at <= :now")
CLEANUP_CHANCE = 0.01


def now():
    """The storage's clock (tests move it forward)."""
    return time.time()


class DatabaseStorage(Storage):
    """`db+sqlite:////abs/path/ratelimit.db` or `db+postgresql+psycopg://…` (the rest is a SQLAlchemy URL)."""

    STORAGE_SCHEME = ["db+sqlite", "db+postgresql", "db+postgresql+psycopg"]

    def __init__(self, uri, wrap_exceptions=False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.url = uri.removeprefix("db+")
        self._engine, self._pid = None, None
        self._lock = threading.Lock()

    @property
    def base_exceptions(self):
        return SQLAlchemyError

    @property
    def engine(self):
        """Made on first use in each process (gunicorn workers fork), never shared with the site's engine."""
        with self._lock:
            if self._engine is None or self._pid != os.getpid():
                self._engine, self._pid = self._make_engine(), os.getpid()
            return self._engine

    def _make_engine(self):
        if not self.url.startswith("sqlite"):
            return create_engine(self.url, pool_size=2, max_overflow=4, pool_pre_ping=True)
        engine = create_engine(self.url, connect_args={"timeout": 15})

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_connection, _record):
            dbapi_connection.isolation_level = None  # autocommit: every statement is its own short transaction
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=15000")
            cursor.close()

        with engine.begin() as connection:  # the limiter's own file has no migrations; workers may race here
            connection.execute(CreateTable(counters, if_not_exists=True))
        return engine

    def dispose(self):
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def incr(self, key, expiry, amount=1):
        moment = now()
        with self.engine.begin() as connection:
            if amount < 0:  # giving back a hit that did not count after all
                connection.execute(GIVE_BACK, {"key": key, "amount": -amount, "now": moment})
                row = connection.execute(LIVE, {"key": key, "now": moment}).first()
                return row.count if row else 0
            count = connection.execute(INCREMENT, {"key": key, "amount": amount, "now": moment,
                                                   "expiry": expiry}).scalar_one()
            if random.random() < CLEANUP_CHANCE:
                connection.execute(FORGET_EXPIRED, {"now": moment})
        return count

    def get(self, key):
        row = self._live(key)
        return row.count if row else 0

    def get_expiry(self, key):
        row = self._live(key)
        return row.expires_at if row else now()

    def _live(self, key):
        with self.engine.connect() as connection:
            return connection.execute(LIVE, {"key": key, "now": now()}).first()

    def check(self):
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except SQLAlchemyError:
            return False

    def reset(self):
        with self.engine.begin() as connection:
            return connection.execute(counters.delete()).rowcount

    def clear(self, key):
        with self.engine.begin() as connection:
            connection.execute(counters.delete().where(counters.c.key == key))
