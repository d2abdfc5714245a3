"""/healthz and /metrics answer under any Host header: a load balancer or Prometheus asks by IP address
("127.0.0.1:8000"), which the site's host check (SITE_URL, webapp/site.py) would refuse with a 400.

Only these two paths: they build no links, so a forged Host header cannot reach a mail or a page.
"""
from urllib.parse import urlsplit

OPS_PATHS = ("/healthz", "/metrics")


def init_app(app):
    site_host = urlsplit(app.config["SITE_URL"]).netloc
    inner = app.wsgi_app

    def any_host_for_ops(environ, start_response):
        if environ.get("PATH_INFO") in OPS_PATHS:
            environ["HTTP_HOST"] = site_host
        return inner(environ, start_response)

    app.wsgi_app = any_host_for_ops
