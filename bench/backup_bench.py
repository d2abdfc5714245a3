#!/usr/bin/env python3
"""Time `flask backup` and `flask restore` on the demo data plus N synthetic voorzieningen (each with a location).

    .venv/bin/python -m bench.backup_bench [N] [--postgres URL-of-an-empty-database URL-of-another]

SQLite in a temporary folder by default; with --postgres the two given (empty) databases are used and left
filled. Not a test: numbers for the README.
"""
import argparse
import shutil
import tempfile
import time
from pathlib import Path

import flask_migrate

from webapp import create_app
from webapp.config import ROOT
from webapp.directory.demo import load_demo
from webapp.directory.models import Location, Service, ServiceAtLocation
from webapp.extensions import db

DESCRIPTION = "Inloop voor iedereen met vragen over geld, werk, wonen en zorg. Koffie staat klaar. " * 4


def app_for(url, folder):
    return create_app({"SQLALCHEMY_DATABASE_URI": url, "SEARCH_INDEX_DIR": str(folder / "index"),
                       "SECRET_KEY": "bench", "SITE_URL": "http://127.0.0.1", "DEMO": True, "GEOCODER": "offline",
                       "MAIL_BACKEND": "file", "MAIL_DIR": str(folder / "mail"), "RATELIMIT_ENABLED": False,
                       "RATELIMIT_SQLITE_PATH": str(folder / "rl.db"), "ASSETS_DIR": str(folder / "dist")})


def add_services(n, chunk=2000):
    """Synthetic rows, never shipped: through the ORM, so the index log is written as on a real site."""
    for start in range(0, n, chunk):
        for number in range(start, min(start + chunk, n)):
            service = Service(slug=f"bench-{number}", name=f"Inloop {number}", gemeente="Meppel",
                              description=DESCRIPTION)
            service.locations.append(ServiceAtLocation(location=Location(gemeente="Meppel", woonplaats="Meppel")))
            db.session.add(service)
        db.session.commit()


def timed(app, *args):
    started = time.perf_counter()
    result = app.test_cli_runner().invoke(args=list(args))
    assert result.exit_code == 0, result.output
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=10000)
    parser.add_argument("--postgres", nargs=2)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="buurtkaart-backup-bench-"))
    source, target = args.postgres or (f"sqlite:///{folder / 'a.db'}", f"sqlite:///{folder / 'b.db'}")
    try:
        app = app_for(source, folder)
        with app.app_context():
            flask_migrate.upgrade(directory=str(ROOT / "migrations"))
            load_demo()
            add_services(args.n)
            backup = timed(app, "backup", str(folder / "backup"))
        restored = app_for(target, folder)
        with restored.app_context():
            restore = timed(restored, "restore", str(folder / "backup"))
        size = sum(path.stat().st_size for path in (folder / "backup").iterdir())
        print(f"N={args.n} {source.split(':')[0]}: backup {backup:.2f} s, restore {restore:.2f} s, "
              f"{size / 1e6:.1f} MB")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
