"""Settings: importing them writes nothing; without SECRET_KEY the app makes and keeps one in its instance folder."""
import os
import stat
import subprocess
import sys
from pathlib import Path

from webapp.config import local_secret_key

ROOT = Path(__file__).resolve().parents[1]


def test_importing_the_settings_reads_no_key_file():
    env = {name: value for name, value in os.environ.items() if name != "SECRET_KEY"}
    shown = subprocess.run([sys.executable, "-c", "from webapp.config import Config; print(Config.SECRET_KEY)"],
                           cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "None"


def test_the_local_key_is_made_once_and_kept_private(tmp_path):
    instance = tmp_path / "instance"
    key = local_secret_key(instance)
    assert len(key) == 64 and local_secret_key(instance) == key
    assert stat.S_IMODE((instance / "secret_key").stat().st_mode) == 0o600
