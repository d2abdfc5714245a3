"""At most one request per second to an online geocoder for the whole site: all processes, all servers.

Nominatim's usage policy counts per application, so a per-process limiter (geopy's RateLimiter) is not
enough with several gunicorn workers. The last request time lives in the database (GeocodeThrottle); a
process takes the next slot with a compare-and-swap on that value, in its own short transaction, so the
caller's session is never committed and no row lock is held while waiting.
"""
import time
from datetime import datetime, timedelta, timezone

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from webapp.extensions import db
from webapp.geo.models import GeocodeThrottle
from webapp.geo.transaction import own_transaction

INTERVAL = timedelta(seconds=1)
MAX_WAIT = 3.0  # seconds a beheerder may wait for a slot before we answer offline
MAX_TRIES = 5


def utcnow():
    return datetime.now(timezone.utc)


def seconds_to_wait(last_request_at, now, interval=INTERVAL):
    """How long until the next request may go. Never more than one interval: a time in the future
    (another server's clock runs ahead) must not block the geocoder for long."""
    if last_request_at is None:
        return 0.0
    waited = now - _as_utc(last_request_at)
    return min(max(interval - waited, timedelta(0)), interval).total_seconds()


def acquire(provider, clock=utcnow, sleep=time.sleep, max_wait=MAX_WAIT):
    """Claim the provider's next request slot; False when it is not ours within max_wait seconds, or the
    database is too busy to tell."""
    try:
        return _acquire(provider, clock, sleep, max_wait)
    except OperationalError:
        return False


def _acquire(provider, clock, sleep, max_wait):
    waited = 0.0
    for _try in range(MAX_TRIES):
        seen = _last_request(provider)
        wait = seconds_to_wait(seen, clock())
        if waited + wait > max_wait:
            return False
        if wait:
            sleep(wait)
            waited += wait
        if _swap(provider, seen, clock()):
            return True
    return False


def _as_utc(moment):
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment  # SQLite drops the zone


def _last_request(provider):
    with db.engine.connect() as connection:
        query = select(GeocodeThrottle.last_request_at).where(GeocodeThrottle.provider == provider)
        return connection.execute(query).scalar()


def _swap(provider, seen, now):
    """Write `now` only if the row still holds what we saw; False when another process was first."""
    table = GeocodeThrottle.__table__
    try:
        with own_transaction() as connection:
            if seen is None:
                connection.execute(insert(table).values(provider=provider, last_request_at=now))
                return True
            result = connection.execute(
                update(table).where(table.c.provider == provider, table.c.last_request_at == seen)
                .values(last_request_at=now)
            )
            return result.rowcount == 1
    except IntegrityError:
        return False
