"""Application factory: builds and wires the Flask app; no business logic here."""
import gc
import logging

from flask import Flask

from webapp import (accounts, api, beheer, board, dashboard, demo, directory, errors, geo, mail, matching, moderation,
                    opendata, pages, posts, privacy, providers, search, security, site, suggestions)
from webapp import assets
from webapp import backup
from webapp import ops
from webapp import agenda, findable, i18n
from webapp import pagecache, ratelimit
from webapp import request_size
from webapp import alerts, workbench
from webapp import models  # noqa: F401  (every model, so the mapper registry and Alembic see the whole schema)
from webapp.config import INSTANCE, ROOT, Config, local_secret_key
from webapp.database import configure_engine
from webapp.extensions import csrf, db, login_manager, migrate


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
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = local_secret_key(app.instance_path)
    site.init_app(app)  # first: a site without SITE_URL (outside demo mode) does not start at all

    db.init_app(app)
    with app.app_context():
        configure_engine(db.engine)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    i18n.init_app(app)
    login_manager.init_app(app)
    geo.init_app(app)
    search.init_app(app)
    pagecache.init_app(app)
    ratelimit.init_app(app)  # before the packages: they limit their own routes
    privacy.init_app(app)  # before the packages: they add their commands to its group

    for package in (accounts, directory, beheer, posts, moderation, board, matching, suggestions, dashboard, pages, mail, api,
                    opendata, providers, workbench, alerts):
        package.init_app(app)
    findable.init_app(app)
    agenda.init_app(app)
    app.cli.add_command(demo.demo_group)
    backup.init_app(app)
    assets.init_app(app)
    ops.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    request_size.init_app(app)
    return app


def warm_up(app):
    """Before a server process's first request (deploy/gunicorn.conf.py): open the search index and read its columns,
    load the gazetteer, then freeze what is loaded so the garbage collector stops walking it (full collections
    took 160-180 ms at 100,000 documents; 1-46 ms after gc.freeze(), ../shared/notes). Never stops a server."""
    try:
        with app.app_context():
            search.warm_up(app)
            geo.locate("Meppel")
    except Exception:
        logging.getLogger(__name__).warning("warming up failed; the first request does it", exc_info=True)
    gc.collect()
    gc.freeze()
