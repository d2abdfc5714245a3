"""An empty database to restore into: a new SQLite file, or a new PostgreSQL database beside the test's own."""
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import PG_URL, make_app
from webapp import ratelimit
from webapp.extensions import db


@pytest.fixture
def empty_database_url(migrated_database, tmp_path):
    if not PG_URL:
        yield f"sqlite:///{tmp_path / 'restored.db'}"
        return
    base = make_url(migrated_database)
    name = f"{base.database}_restore"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield base.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def restored_app(empty_database_url, app):
    """An app on the empty database that uses the SAME index folder as `app`: the server after a restore."""
    made = make_app(empty_database_url, app.config["SEARCH_INDEX_DIR"])
    yield made
    with made.app_context():
        db.session.remove()
        db.engine.dispose()
    made.extensions["search_index"].close()
    ratelimit.close(made)
