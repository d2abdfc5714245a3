"""Two app servers (gunicorn each, an index folder each) on one PostgreSQL database and one Redis: writes through
both reach both indexes, pruning the log keeps what the slower index still needs, and a limit counts across both.

Needs PostgreSQL and Redis: scripts/test.sh starts both (TEST_PG_URL, TEST_REDIS_URL); skipped without them.
"""
import os
import re
import subprocess
import time

import pytest
import requests

from tests.conftest import spare_postgres_database
from tests.deploy.servers import BIN, ROOT, app_environment, migrate, start_gunicorn, stop, wait_for_port
from tests.html_forms import main_form
from tests.system import free_port

PG = os.environ.get("TEST_DATABASE_URL") or os.environ.get("TEST_PG_URL")
REDIS = os.environ.get("TEST_REDIS_URL")
EMAIL, PASSWORD = "beheer@meppel.example.org", "een-lang-wachtwoord-voor-twee"
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (PG and REDIS), reason="needs PostgreSQL and Redis (scripts/test.sh starts both)")]


@pytest.fixture(scope="module")
def database():
    with spare_postgres_database(PG, f"two_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}") as url:
        yield url


@pytest.fixture(scope="module")
def servers(database, tmp_path_factory):
    """{'a': (url, env, process), 'b': ...}: one database, one Redis, two index folders; a beheerder account.

    Shared by this module's tests, in file order: the limit test, which blocks the account, comes last."""
    tmp_path = tmp_path_factory.mktemp("two-servers")
    ports = {"a": free_port(), "b": free_port()}
    shared = dict(DATABASE_URL=database, RATELIMIT_STORAGE_URI=REDIS, SECRET_KEY=f"two-{time.time_ns()}",
                  SITE_URL=f"http://127.0.0.1:{ports['a']}", RATELIMIT_LOGIN_ACCOUNT="4 per 15 minutes")
    envs = {}
    for name in ports:
        (tmp_path / name).mkdir()
        envs[name] = app_environment(tmp_path / name, **shared)
    migrate(envs["a"])
    flask(envs["a"], "accounts", "create", EMAIL, "--role", "beheerder", "--gemeente", "Meppel",
          BUURTKAART_PASSWORD=PASSWORD)
    started = {}
    try:
        for name, port in ports.items():
            started[name] = (f"http://127.0.0.1:{port}", envs[name],
                             start_gunicorn(tmp_path / name, port, envs[name], workers=2, threads=2))
        for name, port in ports.items():
            wait_for_port(port, started[name][2])
        yield started
    finally:
        for _url, _env, process in started.values():
            stop(process)


def flask(env, *args, **extra):
    result = subprocess.run([str(BIN / "flask"), "--app", "wsgi", *args], cwd=ROOT, env={**env, **extra},
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def logged_in(url):
    browser = requests.Session()
    form = {**main_form(browser.get(f"{url}/inloggen", timeout=30).text, marker='name="password"'),
            "email": EMAIL, "password": PASSWORD}
    assert browser.post(f"{url}/inloggen", data=form, allow_redirects=False, timeout=30).status_code == 302
    return browser


def add_service(browser, url, name, words):
    page = f"{url}/beheer/voorzieningen/nieuw"
    form = {**main_form(browser.get(page, timeout=30).text), "name": name, "gemeente": "Meppel",
            "woonplaats": "Meppel", "description": words}
    response = browser.post(page, data=form, allow_redirects=False, timeout=60)
    assert response.status_code == 302, response.text[:2000]


def finds(url, words, name, timeout=60):
    """The server's search finds `name` (it catches its index up on a read, at most every 2 s)."""
    deadline = time.monotonic() + timeout
    while True:
        found = [item["name"] for item in
                 requests.get(f"{url}/api/v1/voorzieningen", params={"q": words}, timeout=30).json()["results"]]
        if name in found:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.5)


def test_writes_through_both_servers_reach_both_indexes_and_pruning_waits_for_the_slower(servers):
    browsers = {name: logged_in(url) for name, (url, _env, _process) in servers.items()}
    made = {}
    # Names far apart: the form asks first about a likely duplicate (a similar name in the same place).
    names = ["Taalcafé Haveltermade", "Computerhulp Koedijkslanden", "Kledingbank Oosterboer", "Fietsmaatjes Nijeveen"]
    for number, service in enumerate(names):  # alternately through a and b
        server = "ab"[number % 2]
        made[service] = f"wijkkoffie{number}"
        add_service(browsers[server], servers[server][0], service, f"wijkkoffie{number} op dinsdag")
    for url, env, _process in servers.values():
        for service, word in made.items():
            assert finds(url, word, service), (url, service)
        assert "klopt met de database" in flask(env, "search", "verify")

    url_a, env_a, _ = servers["a"]
    _url_b, env_b, _process_b = servers["b"]  # b gets no request for a while: its index stands still
    add_service(browsers["a"], url_a, "Repair Café", "kapotte spullen maken")
    assert finds(url_a, "kapotte spullen", "Repair Café")
    pruned = flask(env_a, "search", "follow")  # a prunes what every index has applied
    assert "Toegepast: 0 logregels" in pruned

    caught_up = flask(env_b, "search", "follow")  # b applies the rows pruning kept for it: no rebuild
    assert re.search(r"Toegepast: [1-9]\d* logregels", caught_up), caught_up
    assert "klopt met de database" in flask(env_b, "search", "verify")


def test_a_login_limit_counts_across_both_servers(servers):
    answers = []
    for attempt in range(6):  # 4 wrong passwords may be tried in all, alternately on a and b
        url = servers["ab"[attempt % 2]][0]
        browser = requests.Session()
        form = {**main_form(browser.get(f"{url}/inloggen", timeout=30).text, marker='name="password"'),
                "email": EMAIL, "password": "fout-wachtwoord"}
        answers.append(browser.post(f"{url}/inloggen", data=form, allow_redirects=False, timeout=30).status_code)
    assert answers == [200, 200, 200, 200, 429, 429]
