"""An empty database to restore into: a new SQLite file, or a new PostgreSQL database beside the test's own."""
import pytest

from tests.conftest import PG_URL, make_app, spare_postgres_database
from webapp import ratelimit
from webapp.extensions import db


@pytest.fixture
def empty_database_url(migrated_database, tmp_path):
    if not PG_URL:
        yield f"sqlite:///{tmp_path / 'restored.db'}"
        return
    with spare_postgres_database(migrated_database, "restore") as url:
        yield url


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
