"""The site's one address (SITE_URL) and what follows from it: trusted hosts, absolute links, HTTPS, proxies.

Links in mails are built from SITE_URL, never from the request: a request with a forged Host header cannot make
the site mail someone a link to another server (password-reset poisoning). Requests for any other host get a 400.
"""
from urllib.parse import urlsplit

from flask import current_app
from werkzeug.middleware.proxy_fix import ProxyFix

LOOPBACK_HOSTS = ("127.0.0.1", "localhost")  # demo mode: the computer it runs on, by either name


class ConfigurationError(RuntimeError):
    """A setting a real site needs is missing; the message (Dutch) says what to set."""


def init_app(app):
    """Check the settings and derive the host check, cookie flags and proxy handling from SITE_URL."""
    check_settings(app.config)
    site = urlsplit(app.config["SITE_URL"])
    hosts = [site.hostname] + (list(LOOPBACK_HOSTS) if app.config["DEMO"] else [])
    app.config["TRUSTED_HOSTS"] = list(dict.fromkeys(hosts))
    app.config["PREFERRED_URL_SCHEME"] = site.scheme
    if site.scheme == "https":
        app.config.update(SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True)
    proxies = app.config["PROXY_COUNT"]
    if proxies:
        # The client's address and scheme as the configured number of proxies saw them; never more hops.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)


def check_settings(config):
    """Refuse to start a real (non-demo) site that would mail wrong links or no mail at all."""
    site = urlsplit(config.get("SITE_URL") or "")
    if site.scheme not in ("http", "https") or not site.hostname:
        raise ConfigurationError(
            "Zet SITE_URL op het adres van de website, bijvoorbeeld SITE_URL=https://buurtkaart.meppel.nl. "
            "Alle links in mails komen daarvandaan. (Alleen voor een demo op deze computer: BUURTKAART_DEMO=1.)")
    if not config["DEMO"] and config["MAIL_BACKEND"] == "smtp" and not config.get("MAIL_SERVER"):
        raise ConfigurationError(
            "Zet MAIL_SERVER (en zo nodig MAIL_PORT, MAIL_USERNAME, MAIL_PASSWORD, MAIL_USE_TLS): zonder mailserver "
            "krijgen inwoners geen bevestigings- of wachtwoordmails.")


def absolute_url(endpoint, **values):
    """The full URL of an endpoint on SITE_URL, for mails and the API; works in a request and at the command line."""
    site = urlsplit(current_app.config["SITE_URL"])
    adapter = current_app.url_map.bind(site.netloc, script_name=site.path or "/", url_scheme=site.scheme)
    return adapter.build(endpoint, values, force_external=True)
