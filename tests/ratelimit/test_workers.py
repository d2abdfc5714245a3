"""The login limit holds across 4 gunicorn workers: counts are shared (a database table, or Redis), not per process.

On SQLite the limiter counts in a file of its own; with TEST_DATABASE_URL in a PostgreSQL table; with
TEST_REDIS_URL (scripts/test.sh starts a redis-server) in Redis.
"""
import http.cookiejar
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import PASSWORD, ROLE_ACCOUNTS
from tests.system import free_port

ROOT = Path(__file__).resolve().parents[2]
EMAIL = ROLE_ACCOUNTS["inwoner"][0]
ATTEMPTS = 14  # 10 may be tried, 4 are refused


@pytest.fixture
def server(database_url, tmp_path, accounts, request):
    """A gunicorn with 4 workers on the test's database; `request.param` chooses where the limiter counts."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": secrets.token_hex(16), "GEOCODER": "offline",
           "SEARCH_INDEX_DIR": str(tmp_path / "server-index"), "RATELIMIT_SQLITE_PATH": str(tmp_path / "limits.db"),
           "RATELIMIT_STORAGE_URI": "", "SITE_URL": f"http://127.0.0.1:{port}", "MAIL_BACKEND": "file"}
    if request.param == "redis":
        if not os.environ.get("TEST_REDIS_URL"):
            pytest.skip("TEST_REDIS_URL is not set (scripts/test.sh starts a redis-server and sets it for the "
                        "SQLite round)")
        env["RATELIMIT_STORAGE_URI"] = os.environ["TEST_REDIS_URL"]  # a fresh SECRET_KEY gives fresh keys
    log = (tmp_path / "gunicorn.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "--workers", "4", "--bind", f"127.0.0.1:{port}",
                                "wsgi:app"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process, tmp_path / "gunicorn.log")
        yield url
    finally:
        process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        process.wait(timeout=30)
        log.close()


def _wait_until_up(url, process, log_path):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail("gunicorn stopped:\n" + log_path.read_text())
        try:
            urllib.request.urlopen(url + "/inloggen", timeout=10).close()
            return
        except OSError:  # not listening yet, or its workers are still starting (a busy machine)
            time.sleep(0.2)
    pytest.fail("gunicorn did not answer within 60 s:\n" + log_path.read_text())


def login_session(url):
    """A cookie session with a CSRF token, as a browser gets from the login page."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(url + "/inloggen", timeout=10).read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', page)
    return opener, token.group(1)


def post_login(url, opener, token, password):
    body = urllib.parse.urlencode({"csrf_token": token, "email": EMAIL, "password": password}).encode()
    no_redirect = urllib.request.Request(url + "/inloggen", data=body, method="POST")
    try:
        with opener.open(no_redirect, timeout=30) as response:
            return response.status, response.url
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Retry-After")


@pytest.mark.slow
@pytest.mark.parametrize("server", ["database", "redis"], indirect=True)
def test_wrong_passwords_are_counted_once_across_four_workers(server):
    opener, token = login_session(server)
    with ThreadPoolExecutor(max_workers=ATTEMPTS) as pool:
        answers = list(pool.map(lambda _n: post_login(server, opener, token, "fout-wachtwoord"), range(ATTEMPTS)))
    statuses = sorted(status for status, _detail in answers)
    assert statuses == [200] * 10 + [429] * (ATTEMPTS - 10), answers
    assert all(int(detail) > 0 for status, detail in answers if status == 429)
    status, retry_after = post_login(server, opener, token, PASSWORD)
    assert status == 429 and int(retry_after) > 0  # the right password waits too
