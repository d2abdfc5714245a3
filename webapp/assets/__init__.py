"""Static files for production: `flask assets build` writes content-hashed copies (and .gz/.br beside them) with a
manifest; url_for('static', filename=...) then gives the hashed URL, served with a year's immutable cache.

Without a built manifest (development, tests) url_for gives the plain file, as Flask always does.
"""
import json
import logging
from pathlib import Path

from webapp.assets import cli, routes

log = logging.getLogger(__name__)


def init_app(app):
    folder = Path(app.config["ASSETS_DIR"])
    manifest = _load(folder / "manifest.json")
    app.extensions["assets_manifest"] = manifest
    app.register_blueprint(routes.bp)
    app.cli.add_command(cli.assets_group)

    @app.url_defaults
    def hashed_static_url(endpoint, values):
        if endpoint == "static" and values.get("filename") in manifest:
            values["filename"] = manifest[values["filename"]]


def _load(path):
    try:
        return json.loads(path.read_text())["files"]
    except FileNotFoundError:
        return {}
    except (ValueError, KeyError):
        log.warning("%s is not a manifest of `flask assets build`; serving the plain static files", path)
        return {}
