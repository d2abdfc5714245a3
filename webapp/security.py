"""Security headers on every response: a strict Content-Security-Policy and friends."""
from urllib.parse import urlsplit

from flask import abort, request


def tile_origin(tile_url):
    """'https://service.pdok.nl/...{z}/{x}/{y}.png' -> 'https://service.pdok.nl'; '' when there are no tiles."""
    parts = urlsplit(tile_url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else ""


def content_security_policy(tile_url):
    """No inline script or style attribute anywhere: every script and stylesheet comes from static/."""
    images = " ".join(filter(None, ["'self'", "data:", tile_origin(tile_url)]))
    return "; ".join([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        f"img-src {images}",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def _refuse_nul_bytes():
    """A NUL byte is never meant, and PostgreSQL refuses it in text: a 400 here instead of a 500 there."""
    values = [value for source in (request.args, request.form) for _key, found in source.lists() for value in found]
    values.append(request.path)
    if any("\x00" in value for value in values):
        abort(400)


HSTS = "max-age=31536000; includeSubDomains"  # a year: browsers go straight to https:// on every later visit


def init_app(app):
    policy = content_security_policy(app.config.get("MAP_TILE_URL", ""))
    https = urlsplit(app.config["SITE_URL"]).scheme == "https"
    app.before_request(_refuse_nul_bytes)

    @app.after_request
    def _security_headers(response):
        response.headers["Content-Security-Policy"] = policy
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=()"
        if https:
            response.headers["Strict-Transport-Security"] = HSTS
        return response
