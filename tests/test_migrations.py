import pytest
"""The schema comes from the migrations only, and they match the models."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
import flask_migrate
from sqlalchemy import text

from tests.conftest import make_app
from webapp import ratelimit
from webapp.extensions import db


def test_one_head(app):
    config = app.extensions["migrate"].migrate.get_config()
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1


def test_autogenerate_finds_no_difference_between_models_and_migrations(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, db.metadata) == []


def test_the_migrations_fill_the_theme_list(app):
    from webapp.directory.models import Theme
    from webapp.directory.vocab import THEMES
    assert {theme.slug for theme in db.session.scalars(db.select(Theme))} == set(THEMES)


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(app):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000




def test_the_service_areas_migration_gives_every_voorziening_its_own_gemeente(tmp_path):
    """Nothing else is known of an existing voorziening: its werkgebied becomes its own gemeente."""
    app = make_app(f"sqlite:///{tmp_path / 'old.db'}", tmp_path / "index")
    with app.app_context():
        flask_migrate.upgrade(revision="7c1e5a9d3b20")
        with db.engine.begin() as connection:
            for number, gemeente in enumerate(["Meppel", "Tynaarlo"]):
                connection.execute(text(
                    "INSERT INTO services (id, slug, name, summary, description, gemeente, access_route,"
                    " free_of_charge, volunteers, version, created_at, updated_at) VALUES (:id, :slug, :slug, '', '', :gemeente,"
                    " 'onbekend', 'onbekend', 'onbekend', 1, '2026-01-01', '2026-01-01')"),
                    {"id": f"id-{number}", "slug": f"dienst-{number}", "gemeente": gemeente})
        flask_migrate.upgrade()
        with db.engine.connect() as connection:
            rows = connection.execute(text("SELECT service_id, name FROM service_areas ORDER BY service_id")).all()
        assert [tuple(row) for row in rows] == [("id-0", "Meppel"), ("id-1", "Tynaarlo")]
        db.session.remove()
        db.engine.dispose()
        app.extensions["search_index"].close()
        ratelimit.close(app)
