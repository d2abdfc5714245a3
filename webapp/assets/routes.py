"""/static/dist/<file>: the built files. Hashed names never change content: cached for a year, immutable.

Precompressed: brotli when the browser accepts it and the .br file exists, else gzip, else the file itself.
"""
import mimetypes
import os

from flask import Blueprint, abort, current_app, request, send_file
from werkzeug.security import safe_join

bp = Blueprint("assets", __name__)
YEAR = 365 * 24 * 3600
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


@bp.get("/static/dist/<path:filename>")
def built(filename):
    path = safe_join(current_app.config["ASSETS_DIR"], filename)
    hashed = f"dist/{filename}" in current_app.extensions["assets_manifest"].values()
    if path is None or filename == "manifest.json" or not _is_file(path):
        abort(404)
    mimetype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    encoding, served = _best_encoding(path)
    response = send_file(served, mimetype=mimetype, conditional=True, max_age=YEAR if hashed else 3600)
    response.vary.add("Accept-Encoding")
    if encoding:
        response.headers["Content-Encoding"] = encoding
    if hashed:
        response.cache_control.immutable = True
        response.cache_control.public = True
    return response


def _best_encoding(path):
    accepted = request.accept_encodings
    for encoding, suffix in ENCODINGS:
        if accepted[encoding] and _is_file(path + suffix):
            return encoding, path + suffix
    return None, path


def _is_file(path):
    return os.path.isfile(path)
