"""App, database and index fixtures: a real migrated database and a real Whoosh index per test.

SQLite by default (a copy of one migrated template file per test); PostgreSQL when TEST_DATABASE_URL is set
(migrated once, tables emptied between tests).
"""
import functools
import os
from contextlib import contextmanager
import shutil
from pathlib import Path

import flask_babel
import flask_migrate
import pytest
from flask import g
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from werkzeug.security import generate_password_hash

from webapp import create_app, ratelimit
from webapp.accounts import services as account_services
from webapp.accounts.services import create_account
from webapp.directory.synonyms import seed_groups
from webapp.extensions import db

PG_URL = os.environ.get("TEST_DATABASE_URL")
KEEP_TABLES = {"alembic_version", "themes", "database_epoch"}  # filled by the migrations themselves


def make_app(database_url, index_dir, **extra):
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SEARCH_INDEX_DIR": str(index_dir),
        "GEOCODER": "offline",
        "WTF_CSRF_ENABLED": False,
        "SERVER_NAME": "buurtkaart.test",
        "SITE_URL": "http://buurtkaart.test",
        "DEMO": True,  # /dev/mail and the example accounts; tests of a real site pass DEMO=False
        "MAIL_BACKEND": "file",
        "MAIL_DIR": str(Path(index_dir).parent / "mail"),
        "MAIL_SEND_INLINE": True,  # deterministic tests; the site sends in a background thread
        "PAGE_CACHE_SECONDS": 0,  # every request builds its page (tests/pagecache turn the cache on)
        "SEARCH_APPLY": "inline",  # likewise for the index log (tests/search/test_background_apply.py: the thread)
        "RATELIMIT_SQLITE_PATH": str(Path(index_dir).parent / "ratelimit.db"),  # counts of this test only
        "ASSETS_DIR": str(Path(index_dir).parent / "assets"),  # none built: the plain static files
        **extra,
    })
    # The tests keep one app context pushed, so requests share its `g`: forget what the last request cached
    # there (its user, its CSRF token), as a fresh app context per request does in production.
    app.before_request(_forget_last_request)
    return app


def _forget_last_request():
    g.pop("_login_user", None)
    g.pop("csrf_token", None)
    flask_babel.refresh()  # the language the last request chose is kept on the (shared) app context


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory):
    """The schema built by the migrations (never create_all), once per test run."""
    if PG_URL:
        url = _worker_database(PG_URL)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('template') / 'template.db'}"
    app = make_app(url, tmp_path_factory.mktemp("template-index"))
    with app.app_context():
        flask_migrate.upgrade()
        db.engine.dispose()
    return url


@pytest.fixture(scope="session")
def demo_template(migrated_database, tmp_path_factory):
    """SQLite only: a database and index with the demo data, loaded once and copied into each test."""
    folder = tmp_path_factory.mktemp("demo-template")
    shutil.copy(migrated_database.removeprefix("sqlite:///"), folder / "demo.db")
    app = make_app(f"sqlite:///{folder / 'demo.db'}", folder / "index")
    with app.app_context():
        _load_demo(app)
        db.session.remove()
        db.engine.dispose()
        app.extensions["search_index"].close()
        ratelimit.close(app)
    return folder


@pytest.fixture
def database_url(request, tmp_path, migrated_database):
    if PG_URL:
        _empty_postgres_tables(migrated_database)
        return migrated_database
    path = tmp_path / "test.db"
    if "demo" in request.fixturenames:
        template = request.getfixturevalue("demo_template")
        shutil.copy(template / "demo.db", path)
        shutil.copytree(template / "index", tmp_path / "index")
    else:
        shutil.copy(migrated_database.removeprefix("sqlite:///"), path)
    return f"sqlite:///{path}"


def _worker_database(url):
    """Under pytest-xdist each worker gets its own PostgreSQL database (tables are emptied between tests)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    base = make_url(url)
    name = f"{base.database}_{worker}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


@contextmanager
def spare_postgres_database(url, suffix):
    """A new, empty PostgreSQL database beside the one of `url` (its name + "_" + suffix), dropped afterwards."""
    base = make_url(url)
    name = f"{base.database}_{suffix}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")

    def drop():
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    drop()
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        drop()
        admin.dispose()


def _empty_postgres_tables(url):
    app = make_app(url, "/nonexistent")
    with app.app_context():
        tables = [t.name for t in db.metadata.sorted_tables if t.name not in KEEP_TABLES]
        with db.engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        seed_groups()  # the migration's seed, as in a fresh database
        db.engine.dispose()


@pytest.fixture
def app(database_url, tmp_path):
    app = make_app(database_url, tmp_path / "index")
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()
        app.extensions["search_index"].close()
        ratelimit.close(app)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def demo(app):
    """The 128 demo voorzieningen, loaded as `flask demo load` does, with the index rebuilt."""
    if PG_URL:
        _load_demo(app)
    return app


def _load_demo(app):
    from webapp.directory.contacts_demo import load_gemeente_contacts
    from webapp.directory.demo import load_demo
    from webapp.search.rebuild import reindex
    load_demo()
    load_gemeente_contacts()
    reindex(app)


# Accounts: one per role, plus a second inwoner and a coördinator and beheerder of another gemeente.
PASSWORD = "een-lang-wachtwoord"
ROLE_ACCOUNTS = {
    "inwoner": ("inwoner@example.org", "inwoner", ["Meppel"]),
    "coordinator": ("coordinator@example.org", "coordinator", ["Meppel"]),
    "beheerder": ("beheerder@example.org", "beheerder", ["Meppel"]),
    "beheerder_elders": ("beheerder@tynaarlo.example.org", "beheerder", ["Tynaarlo"]),
    "inwoner_b": ("buurvrouw@example.org", "inwoner", ["Meppel"]),
    "coordinator_elders": ("coordinator@tynaarlo.example.org", "coordinator", ["Tynaarlo"]),
}


@functools.cache
def _cheap_hash(password):
    """scrypt with small parameters: these accounts are made for nearly every test, and every login checks it."""
    return generate_password_hash(password, method="scrypt:1024:8:1")


@pytest.fixture
def accounts(app, monkeypatch):
    """{name: User} for every entry of ROLE_ACCOUNTS (the site's own hashing is tested in tests/accounts)."""
    monkeypatch.setattr(account_services, "generate_password_hash", _cheap_hash)
    made = {name: create_account(email, PASSWORD, role, gemeenten)
            for name, (email, role, gemeenten) in ROLE_ACCOUNTS.items()}
    monkeypatch.undo()
    return made


@pytest.fixture
def login(client, accounts):
    """login("beheerder") logs the test client in as that account; login(None) stays anonymous."""
    def log_in(name):
        client.post("/uitloggen")
        if name is None:
            return None
        response = client.post("/inloggen", data={"email": ROLE_ACCOUNTS[name][0], "password": PASSWORD})
        assert response.status_code == 302, response.get_data(as_text=True)
        return accounts[name]
    return log_in


@pytest.fixture
def csrf_client(database_url, tmp_path):
    app = make_app(database_url, tmp_path / "csrf-index", WTF_CSRF_ENABLED=True)
    with app.app_context():
        yield app.test_client()
        db.session.remove()
        db.engine.dispose()
        app.extensions["search_index"].close()
        ratelimit.close(app)


@pytest.fixture
def other_app(database_url, tmp_path):
    """Build apps with other settings on the same database; each is closed again after the test."""
    made = []

    def build(**settings):
        app = make_app(database_url, tmp_path / f"other-index-{len(made)}", **settings)
        made.append(app)
        return app
    yield build
    for app in made:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
        app.extensions["search_index"].close()
        ratelimit.close(app)


def verify_ok(runner):
    """`search verify` passes: the index holds exactly the database's searchable rows, in their versions."""
    result = runner.invoke(args=["search", "verify"])
    assert result.exit_code == 0, result.output


@pytest.fixture
def frozen_clock(monkeypatch):
    """frozen_clock(2026, 12, 25, 10) stops the opening hours' clock at that wall-clock time in the Netherlands."""
    from datetime import datetime, timezone

    from webapp.directory import hours

    def freeze(*moment):
        at = datetime(*moment, tzinfo=hours.AMSTERDAM).astimezone(timezone.utc)
        monkeypatch.setattr(hours, "utc_now", lambda: at)
        return at
    return freeze
