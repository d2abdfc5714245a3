"""A live server on 127.0.0.1 and Debian's Chromium driven by Playwright for Python.

With CI=true a missing browser fails the run; elsewhere the browser tests are skipped with the reason.
"""
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.conftest import make_app
from tests.system import require_program
from webapp.extensions import db

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe.min.js"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def playwright_browser_path():
    return require_program(CHROMIUM, "chromium")


@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as driver:
        yield driver


@pytest.fixture
def open_browser(playwright, playwright_browser_path, tmp_path):
    """Start a fresh Chromium with its own empty user-data dir; returns its first page."""
    contexts = []

    def start(**options):
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / f"chromium-profile-{len(contexts)}"), executable_path=playwright_browser_path,
            args=CHROMIUM_ARGS, headless=True, **{"viewport": DESKTOP, "locale": "nl-NL", **options},
        )
        contexts.append(context)
        page = context.pages[0] if context.pages else context.new_page()
        page.js_errors, page.console_errors = [], []
        page.on("pageerror", lambda error: page.js_errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
        return page

    yield start
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_browser):
    return open_browser()


class LiveServer:
    def __init__(self, app):
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *_exc):
        self.server.shutdown()
        self.thread.join(timeout=10)
        self.server.server_close()


@pytest.fixture
def live_server_factory(demo_template, tmp_path):
    """Start the site with the demo data (a copy), optionally with extra settings."""
    servers = []

    def start(**settings):
        folder = tmp_path / f"site{len(servers)}"
        folder.mkdir()
        shutil.copy(demo_template / "demo.db", folder / "site.db")
        shutil.copytree(demo_template / "index", folder / "index")
        app = make_app(f"sqlite:///{folder / 'site.db'}", folder / "index", SERVER_NAME=None, **settings)
        server = LiveServer(app).__enter__()
        app.config["SITE_URL"] = server.url  # the links in mails lead back to this server
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.__exit__()
        with server.app.app_context():
            db.engine.dispose()
        server.app.extensions["search_index"].close()


@pytest.fixture
def live_server(live_server_factory):
    return live_server_factory()


def run_axe(page):
    """axe-core's serious and critical violations on the current page (the page's CSP is bypassed)."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]
