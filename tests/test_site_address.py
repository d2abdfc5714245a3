"""SITE_URL is the site's one address: links in mails come from it, other hosts are refused, a real site needs it."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from webapp import create_app
from webapp.config import _site_url
from webapp.extensions import db
from webapp.mail.models import OutboxMail
from webapp.site import ConfigurationError

ROOT = Path(__file__).resolve().parents[1]


def outbox():
    return db.session.scalars(select(OutboxMail)).all()


def test_reset_request_for_a_foreign_host_is_refused_and_mails_nothing(client, accounts):
    response = client.post("/wachtwoord-vergeten", data={"email": "inwoner@example.org"},
                           headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert "Dit is niet het adres van deze website." in response.text
    assert outbox() == []


def test_reset_link_comes_from_site_url_not_from_the_request(app, client, accounts):
    # 127.0.0.1 is a trusted host of a demo site, but the link still goes to SITE_URL.
    response = client.post("/wachtwoord-vergeten", data={"email": "inwoner@example.org"},
                           headers={"Host": "127.0.0.1:8000"})
    assert response.status_code == 200
    [mail] = outbox()
    assert "http://buurtkaart.test/wachtwoord-herstellen/" in mail.text_body
    assert "127.0.0.1" not in mail.text_body + mail.html_body


def test_api_urls_come_from_site_url(demo, client):
    app = demo
    app.config["SITE_URL"] = "https://kaart.meppel.example"
    body = client.get("/api/v1/voorzieningen?q=schulden").get_json()
    assert body["results"][0]["url"].startswith("https://kaart.meppel.example/api/v1/voorzieningen/")


def test_only_site_url_host_is_trusted_outside_demo_mode(other_app):
    app = other_app(DEMO=False, SITE_URL="https://kaart.meppel.example", SERVER_NAME=None)
    client = app.test_client()
    assert client.get("/privacy", headers={"Host": "kaart.meppel.example"}).status_code == 200
    assert client.get("/privacy", headers={"Host": "localhost"}).status_code == 400
    assert client.get("/api/v1/voorzieningen", headers={"Host": "evil.example"}).status_code == 400


@pytest.mark.parametrize("settings, message", [
    ({"SITE_URL": ""}, "Zet SITE_URL"),
    ({"SITE_URL": "buurtkaart.meppel.nl"}, "Zet SITE_URL"),  # no scheme: links would not work
    ({"SITE_URL": "https://kaart.meppel.example", "MAIL_BACKEND": "smtp", "MAIL_SERVER": ""}, "Zet MAIL_SERVER"),
])
def test_a_real_site_without_its_settings_does_not_start(settings, message):
    with pytest.raises(ConfigurationError, match=message):
        create_app({"TESTING": True, "DEMO": False, **settings})


def test_the_server_says_in_dutch_what_to_set(tmp_path):
    env = {key: value for key, value in os.environ.items()
           if key not in ("SITE_URL", "BUURTKAART_SITE_URL", "BUURTKAART_DEMO", "MAIL_BACKEND")}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'x.db'}", SEARCH_INDEX_DIR=str(tmp_path / "index"))
    result = subprocess.run([sys.executable, "-c", "import wsgi"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1
    assert "Buurtkaart start niet. Zet SITE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_old_setting_name_is_an_alias(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setenv("BUURTKAART_SITE_URL", "https://kaart.meppel.example/")
    assert _site_url(demo=False) == "https://kaart.meppel.example"
    monkeypatch.setenv("SITE_URL", "https://nieuw.example")
    assert _site_url(demo=False) == "https://nieuw.example"
    monkeypatch.delenv("SITE_URL")
    monkeypatch.delenv("BUURTKAART_SITE_URL")
    monkeypatch.setenv("PORT", "8123")
    assert _site_url(demo=True) == "http://127.0.0.1:8123"


def test_behind_https_cookies_are_secure_and_hsts_is_sent(other_app, accounts):
    app = other_app(SITE_URL="https://kaart.meppel.example", SERVER_NAME=None)
    client = app.test_client()
    response = client.post("/inloggen", data={"email": "inwoner@example.org", "password": "een-lang-wachtwoord"},
                           base_url="https://kaart.meppel.example")
    assert response.status_code == 302
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    cookies = client.get("/taal/nl?terug=/", base_url="https://kaart.meppel.example").headers.getlist("Set-Cookie")
    [language] = [cookie for cookie in cookies if cookie.startswith("taal=")]
    assert "Secure" in language


def test_plain_http_site_sends_no_hsts(client):
    assert "Strict-Transport-Security" not in client.get("/privacy").headers


def test_proxy_count_trusts_exactly_that_many_proxies(other_app):
    """Behind one proxy the client's address is the forwarded one: /dev/mail is then not for a remote visitor."""
    direct = other_app().test_client()
    proxied = other_app(PROXY_COUNT=1).test_client()
    assert direct.get("/dev/mail").status_code == 200  # a browser on this computer
    # Through a proxy nobody told the site about: never "this computer", whatever the header claims.
    assert direct.get("/dev/mail", headers={"X-Forwarded-For": "127.0.0.1"}).status_code == 404
    assert proxied.get("/dev/mail", headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 404
    assert proxied.get("/dev/mail", headers={"X-Forwarded-For": "127.0.0.1"}).status_code == 200
