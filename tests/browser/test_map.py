"""The map: on a phone the "Kaart" switch shows the markers; a background map from a tile server on 127.0.0.1
(never the internet); when tiles fail the page says the list still works."""
import struct
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, run_axe
from tests.browser.test_search_journey import SCREENSHOT as LIST_SCREENSHOT
from tests.factories import make_post, make_service
from webapp.directory.translations import ServiceTranslation
from webapp.extensions import db


SCREENSHOT = LIST_SCREENSHOT.with_name("kaart-op-telefoon.png")


def tiny_png(width=256, height=256):
    """A plain light-grey tile, made here: no file, no network."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\xdd" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


class TileServer:
    """A tile server on its own 127.0.0.1 port (another origin than the site: the CSP must allow it)."""

    def __init__(self, status=200):
        png, requests = tiny_png(), []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                requests.append(self.path)
                self.send_response(status)
                self.send_header("Content-Type", "image/png" if status == 200 else "text/plain")
                body = png if status == 200 else b"no"
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except ConnectionError:   # the browser moved on (a tile no longer in view)
                    pass

            def log_message(self, *_args):
                pass

        self.requests = requests
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/tiles/{{z}}/{{x}}/{{y}}.png"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def tile_server():
    servers = []

    def start(status=200):
        servers.append(TileServer(status))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def visible_markers(page):
    """Markers and clusters that are drawn inside the map's box (a cluster counts its markers)."""
    return page.evaluate("""() => {
        const box = document.getElementById('resultaten-kaart').getBoundingClientRect();
        return [...document.querySelectorAll('#resultaten-kaart .leaflet-marker-icon')].filter(el => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
        }).reduce((n, el) => n + (el.classList.contains('marker-cluster')
            ? parseInt(el.textContent, 10) : 1), 0);
    }""")


@pytest.mark.parametrize("path", ["/zoeken?q=schulden&plaats=7941", "/thema/geld-en-schulden", "/voor-elkaar"])
def test_on_a_phone_the_map_switch_shows_the_markers(open_browser, live_server, path):
    with live_server.app.app_context():
        make_post(place="7941 AB", title="Wie helpt met boodschappen?")
        make_post("hulpaanbod", place="9471", title="Ik help met de tuin")
        db.session.remove()
    page = open_browser(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(live_server.url + path)
    expect(page.locator("#resultaten-kaart")).to_be_hidden()
    page.wait_for_load_state("networkidle")                 # the markers arrived while the map was hidden
    page.get_by_role("button", name="Kaart", exact=True).click()
    expect(page.locator("#resultaten-kaart .leaflet-marker-icon").first).to_be_visible()
    assert visible_markers(page) > 0
    size = page.evaluate("(() => { const r = document.getElementById('resultaten-kaart').getBoundingClientRect();"
                         " return [r.width, r.height]; })()")
    assert size[0] > 300 and size[1] > 200
    assert page.js_errors == [] and page.console_errors == []
    if path.startswith("/zoeken"):  # the README's picture of the phone map
        top = page.locator("#resultaten-kaart").bounding_box()["y"] - 16
        page.screenshot(path=str(SCREENSHOT), full_page=True, clip={"x": 0, "y": max(top, 0), **PHONE})


def test_a_background_map_from_a_tile_server_on_this_computer(open_browser, live_server_factory, tile_server):
    tiles = tile_server()
    server = live_server_factory(MAP_TILE_URL=tiles.url)
    page = open_browser()
    page.goto(server.url + "/zoeken?q=schulden&plaats=7941")
    expect(page.locator("#resultaten-kaart img.leaflet-tile-loaded").first).to_be_attached()
    assert tiles.requests and all(path.startswith("/tiles/") for path in tiles.requests)
    expect(page.locator(".bk-map__no-tiles")).to_have_count(0)
    assert page.js_errors == [] and page.console_errors == []     # no CSP refusal either


def test_when_tiles_do_not_load_the_page_says_the_list_still_works(open_browser, live_server_factory,
                                                                   tile_server):
    tiles = tile_server(status=404)
    server = live_server_factory(MAP_TILE_URL=tiles.url)
    page = open_browser()
    page.goto(server.url + "/zoeken?q=schulden&plaats=7941")
    note = page.locator(".bk-map__tile-error")
    expect(note).to_contain_text("de lijst werkt wel")
    expect(note).to_have_count(1)
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()


def test_a_translated_name_in_the_popups_carries_its_language(open_browser, live_server):
    with live_server.app.app_context():
        service = make_service("Vertaalde inloop", slug="vertaalde-inloop", point=(52.6956, 6.1937),
                               summary="Koffie en een praatje.")
        db.session.add(ServiceTranslation(service_id=service.id, language="en", name="Translated walk-in"))
        db.session.commit()
        db.session.remove()
    with pytest.MonkeyPatch.context() as patch:  # English as if its catalog were there (Accept-Language: en-US)
        patch.setattr("webapp.i18n.services.languages", lambda: ["nl", "en", "ar"])
        page = open_browser(locale="en-US", bypass_csp=True)
        page.goto(live_server.url + "/zoeken?q=vertaalde&plaats=7941")
        item = page.locator(".bk-result").first
        expect(item.locator("a[lang=en]")).to_have_text("Translated walk-in")
        expect(item.locator("p[lang=nl]")).to_have_text("Koffie en een praatje.")
        item.locator("button").first.click()   # "Toon op de kaart"
        expect(page.locator(".leaflet-popup-content a")).to_have_attribute("lang", "en")
        page.goto(live_server.url + "/voorzieningen/vertaalde-inloop")
        page.locator(".leaflet-marker-icon").first.click()
        expect(page.locator(".leaflet-popup-content strong")).to_have_attribute("lang", "en")
        assert run_axe(page) == [] and page.js_errors == []
