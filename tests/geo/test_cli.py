"""`flask geo lookup`, through the app's CLI runner."""
import os
import subprocess
import sys

import pytest
from flask import Flask

from webapp import geo
from webapp.config import ROOT


def test_lookup_prints_label_precision_and_point(runner):
    result = runner.invoke(args=["geo", "lookup", "Nijeveen"])
    assert result.exit_code == 0
    assert result.stdout == "Nijeveen | woonplaats | 52.733990, 6.166727\n"


def test_lookup_within_a_gemeente(runner):
    result = runner.invoke(args=["geo", "lookup", "Hoofdstraat 13a", "--gemeente", "Meppel"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Hoofdstraat 13A, Meppel | adres | 52.698706, 6.189985")


@pytest.mark.parametrize("text, message", [
    ("xyzzy", "We kennen de plaats 'xyzzy' niet."),
    ("Hoofdstraat", "De straat 'Hoofdstraat' ligt in meer plaatsen: Hoogeveen, Emmen,"),
])
def test_lookup_of_an_unknown_or_unclear_place_fails_with_the_reason(runner, text, message):
    result = runner.invoke(args=["geo", "lookup", text])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(message)


def test_an_unknown_geocoder_setting_is_refused():
    app = Flask(__name__)
    app.config["GEOCODER"] = "google"
    with pytest.raises(ValueError):
        geo.init_app(app)


def test_creating_the_app_does_not_load_the_gazetteer(tmp_path):
    """In a fresh process: the data is read on first use, not at import or in init_app."""
    script = (
        "from webapp import create_app\n"
        "from webapp.geo.gazetteer import get_gazetteer\n"
        "create_app()\n"
        "assert get_gazetteer.cache_info().currsize == 0\n"
    )
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp_path / 'app.db'}", SEARCH_INDEX_DIR=str(tmp_path / "index"),
               BUURTKAART_DEMO="1")
    subprocess.run([sys.executable, "-c", script], check=True, env=env, cwd=ROOT, timeout=60)
