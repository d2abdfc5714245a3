"""Application factory: builds and wires the Flask app; no business logic here."""
from flask import Flask

from webapp import (accounts, api, beheer, board, dashboard, directory, errors, geo, mail, matching, moderation, pages,
                    posts, search, security, suggestions)
from webapp import request_size
from webapp import models  # noqa: F401  (every model, so the mapper registry and Alembic see the whole schema)
from webapp.config import INSTANCE, ROOT, Config
from webapp.database import configure_engine
from webapp.extensions import babel, csrf, db, login_manager, migrate


def create_app(config=None):
    """Create the app; `config` (a mapping) overrides settings, e.g. in tests."""
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(INSTANCE),
    )
    app.config.from_object(Config)
    if config:
        app.config.update(config)

    db.init_app(app)
    with app.app_context():
        configure_engine(db.engine)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    babel.init_app(app)
    login_manager.init_app(app)
    geo.init_app(app)
    search.init_app(app)

    for package in (accounts, directory, beheer, posts, moderation, board, matching, suggestions, dashboard, pages, mail, api):
        package.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    request_size.init_app(app)
    return app
