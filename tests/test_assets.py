"""Static files: only the NL Design System CSS the pages use, and built files with hashed names, a year's
immutable cache and brotli/gzip precompression; without a build the plain files, as before."""
import gzip
import re
import subprocess
import sys
from pathlib import Path

import brotli
import pytest

from webapp.assets.build import build

ROOT = Path(__file__).resolve().parent.parent
NLDS = ROOT / "static/css/nlds.css"


def test_the_css_subset_is_up_to_date_with_the_templates():
    result = subprocess.run([sys.executable, "scripts/subset_css.py", "--check"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_the_subset_keeps_used_components_and_drops_the_rest():
    css = NLDS.read_text()
    for used in (".utrecht-button--primary-action", ".utrecht-table__cell", ".utrecht-heading-1",
                 ".utrecht-alert--error", "--voorbeeld-kleuren-violet-500"):
        assert used in css
    for unused in (".utrecht-accordion", ".utrecht-calendar", ".utrecht-breadcrumb-nav"):
        assert unused not in css
    assert len(css.encode()) < 150_000  # from 614,223 bytes of the two vendored files


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("assets") / "dist"
    build(ROOT / "static", folder)
    return folder


@pytest.fixture
def built_app(other_app, built):
    app = other_app(ASSETS_DIR=str(built))
    with app.app_context():
        yield app


def stylesheet(client):
    return re.search(r'<link rel="stylesheet" href="([^"]+nlds[^"]*)"', client.get("/").get_data(as_text=True))[1]


def test_without_a_build_the_pages_link_the_plain_files(client):
    assert stylesheet(client) == "/static/css/nlds.css"


def test_built_files_have_hashed_names_a_years_immutable_cache_and_precompression(built_app):
    client = built_app.test_client()
    href = stylesheet(client)
    assert re.fullmatch(r"/static/dist/css/nlds\.[0-9a-f]{12}\.css", href)
    original = NLDS.read_bytes()

    response = client.get(href, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert response.headers["Content-Encoding"] == "br"
    assert response.headers["Content-Type"].startswith("text/css")
    assert "Accept-Encoding" in response.headers["Vary"]
    assert {"public", "immutable", "max-age=31536000"} <= set(response.headers["Cache-Control"].replace(" ", "").split(","))
    assert brotli.decompress(response.get_data()) == original
    response.close()

    response = client.get(href, headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.get_data()) == original
    response.close()

    response = client.get(href, headers={"Accept-Encoding": ""})
    assert "Content-Encoding" not in response.headers and response.get_data() == original
    response.close()


def test_relative_references_find_plain_copies_that_are_not_cached_forever(built_app):
    client = built_app.test_client()
    response = client.get("/static/dist/vendor/leaflet/images/layers.png")  # named in leaflet.css
    assert response.status_code == 200 and "immutable" not in response.headers["Cache-Control"]
    response.close()
    for missing in ("/static/dist/css/bestaat-niet.css", "/static/dist/../../wsgi.py", "/static/dist/manifest.json"):
        response = client.get(missing)
        assert response.status_code == 404
        response.close()
