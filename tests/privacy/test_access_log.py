"""The access log holds no token, place, point or search words: the logger class, and gunicorn with its config
(one-use links, searches with a place and a point, and a resident who logs in and places a vraag at their address)."""
import os
import signal
import subprocess
import sys
import time
import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import PASSWORD, ROLE_ACCOUNTS
from tests.ratelimit.test_workers import login_session
from tests.system import free_port
from webapp.privacy.access_log import redact

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "eyJ1c2VyIjoiYWJjIn0.Z2VoZWlt.c2lnbmF0dXJl"
SECRETS = (TOKEN, "schulden", "7941+AB", "=7941", "52.6958", "6.1937", "Kolderveen", "geheim@example.org",
           "Hoofdstraat", "52.6989", "12 34 56", ROLE_ACCOUNTS["inwoner"][0])
VISITS = [
    f"/bevestigen/{TOKEN}", f"/wachtwoord-herstellen/{TOKEN}", f"/account/e-mail/bevestigen/{TOKEN}",
    f"/afmelden/{TOKEN}", "/zoeken?q=schulden&plaats=7941+AB&straal=5", "/zoeken?bij=52.6958%2C6.1937&q=schulden",
    "/voor-elkaar?plaats=Kolderveen&bij=52.6958,6.1937", "/api/v1/voorzieningen?q=schulden&near=7941",
    "/inloggen?email=geheim@example.org",
]


@pytest.mark.parametrize("line, shown", [
    (f"GET /wachtwoord-herstellen/{TOKEN} HTTP/1.1", "GET /wachtwoord-herstellen/[weg] HTTP/1.1"),
    (f"GET /controleren/{TOKEN} HTTP/1.1", "GET /controleren/[weg] HTTP/1.1"),  # a provider's link
    ("GET /zoeken?q=schulden&plaats=7941+AB&straal=5&bij=52.7%2C6.19 HTTP/1.1",
     "GET /zoeken?q=[weg]&plaats=[weg]&straal=5&bij=[weg] HTTP/1.1"),
    (f"http://buurtkaart.test/afmelden/{TOKEN}?x=1", "http://buurtkaart.test/afmelden/[weg]?x=1"),
    ("/voor-elkaar/hulpvragen/7c1e5a9d-3b20-4f00-8000-000000000000",) * 2,  # a post's id is no secret
    ("-", "-"),
])
def test_redact(line, shown):
    assert redact(line) == shown


def test_gunicorn_with_the_deploy_config_writes_no_secrets(database_url, tmp_path, accounts):
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "test", "GEOCODER": "offline",
           "SEARCH_INDEX_DIR": str(tmp_path / "index"), "RATELIMIT_SQLITE_PATH": str(tmp_path / "limits.db"),
           "SITE_URL": f"http://127.0.0.1:{port}", "MAIL_BACKEND": "file", "MAIL_DIR": str(tmp_path / "mail"),
           "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1", "GUNICORN_THREADS": "1"}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    log_path = tmp_path / "gunicorn.log"
    with log_path.open("w") as log:
        process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "wsgi:app"],
                                   cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}"
            _wait_until_up(url, process, log_path)
            for path in VISITS:
                _get(url + path, referer=f"{url}/bevestigen/{TOKEN}?plaats=Kolderveen")
            _journey(url)
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=30)
    written = log_path.read_text()
    lines = [line for line in written.splitlines() if '"GET ' in line]
    assert len(lines) >= len(VISITS), written
    assert "/wachtwoord-herstellen/[weg]" in written and "plaats=[weg]" in written and "straal=5" in written
    assert '"POST /voor-elkaar/hulpvraag/nieuw' in written and "bij=[weg]&afstand=5" in written
    leaked = [line for line in written.splitlines() if any(secret in line for secret in SECRETS)]
    assert not leaked, written


def _journey(url):
    """A resident logs in, places a vraag at their address with their phone in it, and looks at the board."""
    opener, token = login_session(url)
    login = urllib.parse.urlencode({"csrf_token": token, "email": ROLE_ACCOUNTS["inwoner"][0], "password": PASSWORD})
    assert "/inloggen" not in opener.open(f"{url}/inloggen?next=/voor-elkaar/mijn", login.encode(), timeout=30).url
    form = opener.open(f"{url}/voor-elkaar/hulpvraag/nieuw", timeout=30).read().decode()
    fields = dict(re.findall(r'name="(csrf_token|submission)" type="hidden" value="([^"]*)"', form))
    vraag = {**fields, "title": "Boodschappen", "description": "Bel 06 12 34 56 78", "category": "boodschappen",
             "when_kind": "flexibel", "place": "Hoofdstraat 5, Meppel", "for_whom": "zelf", "contact_choice": "mijn",
             "send": "1"}
    placed = opener.open(f"{url}/voor-elkaar/hulpvraag/nieuw", urllib.parse.urlencode(vraag).encode(), timeout=30)
    assert "/voor-elkaar/mijn/" in placed.url
    opener.open(f"{url}/voor-elkaar?plaats=Hoofdstraat+5+Meppel&bij=52.6989%2C6.1900&afstand=5", timeout=30).close()


def _get(url, referer):
    request = urllib.request.Request(url, headers={"Referer": referer})
    try:
        urllib.request.urlopen(request, timeout=30).close()
    except urllib.error.HTTPError:
        pass  # a refused token still gets logged


def _wait_until_up(url, process, log_path):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail("gunicorn stopped:\n" + log_path.read_text())
        try:
            urllib.request.urlopen(url + "/inloggen", timeout=10).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail("gunicorn did not answer within 60 s:\n" + log_path.read_text())
