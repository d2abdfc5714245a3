"""Limits on logging in, mails, registering, posting, reacting and reporting (Flask-Limiter on `limits`).

Counts are kept in Redis (RATELIMIT_STORAGE_URI) or in a database table of their own (storage.py), so they hold
across workers and servers. Routes take a hit at the moment of the act (`reserve`); the API blueprint is limited
per address by Flask-Limiter's decorator (`limit_blueprint`, called by the api package).
"""
import hashlib
import ipaddress
import logging
import math

from flask import current_app, request
from flask_limiter import Limiter
from limits import parse
from werkzeug.exceptions import TooManyRequests

from webapp.ratelimit import responses, storage

log = logging.getLogger(__name__)


class LimitReached(TooManyRequests):
    """A limit is used up; `retry_after` is the number of seconds until it is free again."""

    def __init__(self, retry_after):
        super().__init__(retry_after=max(1, math.ceil(retry_after)))


def init_app(app):
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)  # Flask-Limiter's own checks (the API): allow, log
    # One Limiter per app, not one in extensions.py: Flask-Limiter keeps the storage on the instance, and the
    # tests build a fresh app (with its own counts) for every test.
    limiter = Limiter(key_func=remote_address, storage_uri=storage_uri(app), strategy="fixed-window",
                      headers_enabled=True, key_prefix="buurtkaart")
    limiter.init_app(app)
    app.extensions["ratelimit"] = limiter
    app.register_error_handler(TooManyRequests, responses.too_many_requests)


def limit_blueprint(app, blueprint, setting):
    """Every route of `blueprint` limited per address by the setting's value (e.g. the API: "120 per minute")."""
    app.extensions["ratelimit"].limit(lambda: current_app.config[setting])(blueprint)


def close(app):
    """Let go of the limiter's own database connections (tests build many apps in one process)."""
    limiter = app.extensions["ratelimit"]
    if not limiter.enabled:
        return  # switched off: Flask-Limiter made no storage
    dispose = getattr(limiter.storage, "dispose", None)
    if dispose:
        dispose()


def storage_uri(app):
    """Redis (or any `limits` URI) when set; else a table beside the site's data: PostgreSQL or a SQLite file."""
    if app.config.get("RATELIMIT_STORAGE_URI"):
        return app.config["RATELIMIT_STORAGE_URI"]
    database = app.config["SQLALCHEMY_DATABASE_URI"]
    if database.startswith("postgresql"):
        return "db+" + database
    return "db+sqlite:///" + app.config["RATELIMIT_SQLITE_PATH"]


def remote_address():
    """The visitor's address; for IPv6 its /64 network, since one client usually holds all of it."""
    address = request.remote_addr or "unknown"
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def reserve(*checks):
    """Take one hit from each (setting name, identifier) pair; LimitReached (nothing taken) when one is used up.

    Returns a Reservation: give the hits back when the act did not count after all (a right password, a
    refused form). Used as a context manager it gives them back when the block raises.
    """
    if not _enabled():
        return Reservation([])
    taken = []
    refused = []
    try:
        for setting, identifier in checks:
            item, key = _item(setting), _identifier(setting, identifier)
            if not _strategy().hit(item, key):
                refused.append((item, key))
            taken.append((item, key))  # an over-limit hit is given back too, with the others
    except Exception:  # noqa: BLE001  (the counting store is down: residents must still log in and post)
        log.exception("rate limit storage failed; %s allowed without counting", [name for name, _id in checks])
        return Reservation([])
    reservation = Reservation(taken)
    if refused:
        reservation.give_back()
        raise LimitReached(max(_seconds_left(item, key) for item, key in refused))
    return reservation


def allowed(setting, identifier):
    """Take a hit if there is room; False (nothing taken) when the limit is used up."""
    try:
        reserve((setting, identifier))
    except LimitReached:
        return False
    return True


def clear(setting, identifier):
    """Forget the count (a new password ends the wrong-password count); never a 500 when the store is down."""
    if not _enabled():
        return
    try:
        _strategy().clear(_item(setting), _identifier(setting, identifier))
    except Exception:  # noqa: BLE001
        log.exception("rate limit storage failed while clearing %s", setting)


def _enabled():
    return current_app.config["RATELIMIT_ENABLED"] and current_app.extensions["ratelimit"].enabled


class Reservation:
    def __init__(self, taken):
        self.taken = taken

    def give_back(self):
        try:
            for item, key in self.taken:
                _strategy().storage.incr(item.key_for(key), item.get_expiry(), amount=-1)
        except Exception:  # noqa: BLE001  (as in reserve: never a 500 because the counting store is down)
            log.exception("rate limit storage failed while giving hits back")
        self.taken = []

    def __enter__(self):
        return self

    def __exit__(self, error_type, _error, _traceback):
        if error_type is not None:
            self.give_back()
        return False


def _strategy():
    return current_app.extensions["ratelimit"].limiter


def _item(setting):
    return parse(current_app.config[setting])


def _identifier(setting, identifier):
    """The setting's name and a hash: no e-mail or IP address is kept in the limiter's storage."""
    digest = hashlib.sha256(f"{current_app.config['SECRET_KEY']}:{identifier}".encode()).hexdigest()[:32]
    return f"{setting.removeprefix('RATELIMIT_').lower()}:{digest}"


def _seconds_left(item, key):
    return _strategy().get_window_stats(item, key).reset_time - storage.now()
