"""Security of the resident pages: headers on every response, no inline code, escaped text, the CSRF page."""
from datetime import date
from html.parser import HTMLParser

import pytest
from flask_wtf.csrf import generate_csrf

from tests.factories import make_service
from webapp.directory.models import ScheduleException
from webapp.extensions import db

PDOK = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_SUMMARY = "<script>alert(1)</script>"
HOSTILE_DESCRIPTION = '"><svg onload=alert(1)>'
RAW_TAGS = ("<img src=x", "<script>alert", "<svg")
PAGES = [
    "/", "/zoeken", "/zoeken?q=schulden&plaats=7941", "/zoeken?q=zzzqqq", "/zoeken?plaats=Nergenshuizen",
    "/zoeken?pagina=abc", "/voorzieningen/geldloket-meppel", "/thema/wonen", "/toegankelijkheid", "/privacy",
    "/cookies", "/over-deze-gegevens", "/bestaat-niet",
]


class PageAudit(HTMLParser):
    """Everything a strict CSP would block or that shows injected markup, plus the elements seen."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.elements, self.inline_scripts, self.problems = [], [], []
        self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "script":
            # JSON-LD is a data block, never run (CSP does not apply to it); its escaping is tested in tests/findable.
            self._in_script = "src" not in attrs and attrs.get("type") != "application/ld+json"
            if self._in_script:
                self.inline_scripts.append("")
        if tag == "style":
            self.problems.append("<style> element")
        for name, value in attrs.items():
            if name == "style" or name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.inline_scripts[-1] += data

    def find(self, tag, **attrs):
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def csp(response):
    """{'img-src': ["'self'", 'data:'], ...}"""
    policy = response.headers["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def assert_security_headers(response):
    policy = csp(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def assert_clean_html(html):
    audit = PageAudit(html)
    assert audit.inline_scripts == []
    assert audit.problems == []
    return audit


@pytest.fixture
def hostile(app):
    """A voorziening whose every text is an attack, in theme 'wonen'."""
    service = make_service(HOSTILE_NAME, slug="kwaadaardig", summary=HOSTILE_SUMMARY, description=HOSTILE_DESCRIPTION,
                           themes=("wonen",), point=(52.6956, 6.1937), precision="adres",
                           email='x"onmouseover="alert(1)@voorbeeld.nl', website="javascript:alert(1)", commit=False)
    service.location.name = HOSTILE_NAME
    service.location.woonplaats = HOSTILE_SUMMARY
    service.schedule_exceptions.append(ScheduleException(day=date(2026, 12, 28), closed=True, note=HOSTILE_SUMMARY))
    db.session.commit()
    return service


# Headers


@pytest.mark.parametrize("url", ["/", "/zoeken?q=schulden", "/zoeken/kaart?q=schulden", "/privacy",
                                 "/voorzieningen/geldloket-meppel", "/bestaat-niet", "/voorzieningen/bestaat-niet",
                                 "/api/v1/voorzieningen", "/api/v1/bestaat-niet", "/static/css/site.css",
                                 "/static/js/map.js"])
def test_every_kind_of_response_carries_the_security_headers(demo, client, url):
    response = client.get(url)
    try:
        assert response.status_code in (200, 404)
        assert_security_headers(response)
    finally:
        response.close()


def test_without_map_tiles_images_come_only_from_the_site_and_the_map_says_why(client):
    response = client.get("/zoeken")
    assert csp(response)["img-src"] == ["'self'", "data:"]
    [map_div] = PageAudit(response.get_data(as_text=True)).find("div", id="resultaten-kaart")
    assert map_div["data-tile-url"] == ""
    assert "geen achtergrondkaart" in map_div["data-msg-no-tiles"]


@pytest.mark.parametrize(("tile_url", "img_src"), [
    (PDOK, ["'self'", "data:", "https://service.pdok.nl"]),
    ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", ["'self'", "data:", "https://tile.openstreetmap.org"]),
    ("javascript:alert(1)//{z}", ["'self'", "data:"]),
    ("tiles/{z}/{x}/{y}.png", ["'self'", "data:"]),
])
def test_img_src_adds_exactly_the_tile_origin(other_app, tile_url, img_src):
    client = other_app(MAP_TILE_URL=tile_url).test_client()
    for url in ("/", "/zoeken", "/zoeken/kaart", "/bestaat-niet"):
        response = client.get(url)
        assert csp(response)["img-src"] == img_src
        assert_security_headers(response)


def test_with_pdok_tiles_the_map_gets_the_tile_url_and_kadaster_attribution(other_app):
    client = other_app(MAP_TILE_URL=PDOK).test_client()
    audit = assert_clean_html(client.get("/zoeken").get_data(as_text=True))
    [map_div] = audit.find("div", id="resultaten-kaart")
    assert map_div["data-tile-url"] == PDOK
    assert map_div["data-tile-attribution"] == "Kaartgegevens © Kadaster"


# No inline code


@pytest.mark.parametrize("url", PAGES)
def test_no_page_has_inline_script_style_or_event_handler(demo, client, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    audit = assert_clean_html(response.get_data(as_text=True))
    assert all("src" in attrs or attrs.get("type") == "application/ld+json" for attrs in audit.find("script"))
    assert all(attrs["href"].startswith("/static/") for attrs in audit.find("link", rel="stylesheet"))


# Escaping


@pytest.mark.parametrize("url", ["/zoeken", "/zoeken?q=alert", "/thema/wonen", "/voorzieningen/kwaadaardig"])
def test_hostile_service_text_shows_as_text(client, hostile, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for raw in RAW_TAGS:
        assert raw not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    audit = assert_clean_html(html)
    assert not audit.find("img") and not audit.find("svg")


def test_hostile_detail_page_keeps_attributes_intact(client, hostile):
    audit = assert_clean_html(client.get("/voorzieningen/kwaadaardig").get_data(as_text=True))
    [map_div] = audit.find("div", id="detail-kaart")
    assert map_div["data-name"] == HOSTILE_NAME  # the map script must put it in with textContent
    assert audit.find("a", href='mailto:x"onmouseover="alert(1)@voorbeeld.nl')


def test_hostile_name_is_plain_json_text_in_the_map_markers(client, hostile):
    response = client.get("/zoeken/kaart")
    assert response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    [marker] = response.get_json()
    assert marker["name"] == HOSTILE_NAME
    assert marker["url"] == "/voorzieningen/kwaadaardig"


@pytest.mark.parametrize("field", ["q", "plaats", "weergave", "gemeente", "bij"])
@pytest.mark.parametrize("payload", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
                                     "' autofocus onfocus='alert(1)"])
def test_typed_search_text_is_echoed_escaped(client, field, payload):
    response = client.get("/zoeken", query_string={field: payload})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    audit = assert_clean_html(html)
    assert not audit.find("img")
    assert "<script>alert" not in html
    if field in ("q", "plaats"):
        [box] = audit.find("input", name=field, id=field)
        assert box["value"] == payload


def test_search_title_escapes_the_search_text(client):
    html = client.get("/zoeken?q=<script>").get_data(as_text=True)
    assert "<title>Zoeken naar &lt;script&gt; - Buurtkaart</title>" in html
    assert 'value="&lt;script&gt;"' in html


# Error pages of other apps: CSRF and 500


def csrf_app(other_app):
    app = other_app(WTF_CSRF_ENABLED=True)
    app.add_url_rule("/test-formulier", "test_form_token", lambda: generate_csrf())
    app.add_url_rule("/test-formulier", "test_form_post", lambda: "FORMULIER-VERWERKT", methods=["POST"])
    return app


def test_a_form_with_a_valid_token_is_accepted(other_app):
    client = csrf_app(other_app).test_client()
    token = client.get("/test-formulier").get_data(as_text=True)
    response = client.post("/test-formulier", data={"csrf_token": token})
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "FORMULIER-VERWERKT"


@pytest.mark.parametrize("data", [{}, {"csrf_token": "verlopen-of-vervalst"}])
def test_a_missing_or_expired_form_token_shows_the_dutch_page(other_app, data):
    client = csrf_app(other_app).test_client()
    client.get("/test-formulier")  # a session exists, as it would for a resident
    response = client.post("/test-formulier", data=data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Het formulier is verlopen" in html
    assert "FORMULIER-VERWERKT" not in html
    assert_security_headers(response)
    audit = assert_clean_html(html)
    assert [attrs.get("lang") for attrs in audit.find("html")] == ["nl"]


def test_the_real_login_form_without_a_token_shows_the_dutch_page(other_app):
    client = other_app(WTF_CSRF_ENABLED=True).test_client()
    response = client.post("/inloggen", data={"email": "a@voorbeeld.nl", "password": "geheim"})
    assert response.status_code == 400
    assert "Het formulier is verlopen" in response.get_data(as_text=True)


def test_a_server_error_shows_a_dutch_page_with_a_search_box(other_app):
    app = other_app(PROPAGATE_EXCEPTIONS=False)

    def broken():
        raise RuntimeError("kapot")
    app.add_url_rule("/kapot", "broken", broken)
    response = app.test_client().get("/kapot")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Er ging iets mis aan onze kant" in html
    assert "RuntimeError" not in html and "Traceback" not in html
    audit = assert_clean_html(html)
    assert audit.find("form", action="/zoeken", method="get")
    assert_security_headers(response)
