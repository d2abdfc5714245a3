"""deploy/: the systemd units are valid, every timer runs a task deploy/task.sh knows, every task is a command of
the app, and task.sh records each run (status and time) for /healthz."""
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.deploy.servers import app_environment, migrate

ROOT = Path(__file__).resolve().parents[2]
SYSTEMD = ROOT / "deploy" / "systemd"
TASK = ROOT / "deploy" / "task.sh"


def tasks():
    """{task name: its command line} from the case in deploy/task.sh."""
    return dict(re.findall(r'^\s+([a-z-]+)\)\s+command="([^"]+)"', TASK.read_text(), flags=re.M))


def test_every_timer_runs_a_known_task_and_every_flask_task_is_a_command_of_the_app(runner):
    timers = {re.search(r"^Unit=buurtkaart-task@(.+)\.service$", path.read_text(), flags=re.M)[1]
              for path in SYSTEMD.glob("*.timer")}
    assert timers == set(tasks())
    for name, command in tasks().items():
        if command.startswith("$flask "):
            words = command.removeprefix("$flask ").split()
            result = runner.invoke(args=[*words, "--help"])
            assert result.exit_code == 0, f"{name}: flask {' '.join(words)} does not exist"


def test_the_units_pass_systemd_analyze(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if not analyze:
        pytest.skip("systemd-analyze is not installed")
    for path in SYSTEMD.iterdir():  # the checkout stands in for /srv/buurtkaart
        (tmp_path / path.name).write_text(path.read_text().replace("/srv/buurtkaart", str(ROOT)))
    units = [str(tmp_path / name) for name in ("buurtkaart.service", "buurtkaart-search-follow.service")]
    for timer in sorted(tmp_path.glob("*.timer")):
        name = re.search(r"^Unit=(.+)$", timer.read_text(), flags=re.M)[1]
        shutil.copy(tmp_path / "buurtkaart-task@.service", tmp_path / name)
        units += [str(timer), str(tmp_path / name)]
    result = subprocess.run([analyze, "verify", *units], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and not result.stdout.strip() and not result.stderr.strip(), result.stderr


@pytest.mark.slow
def test_task_sh_runs_a_task_and_records_success_and_failure(tmp_path):
    env = app_environment(tmp_path, BACKUP_ROOT=str(tmp_path / "backups"))
    migrate(env)

    def run(*args, **extra):
        return subprocess.run([str(TASK), *args], cwd=ROOT, env={**env, **extra}, capture_output=True, text=True,
                              timeout=300)

    assert run("backup").returncode == 0
    assert len(list((tmp_path / "backups").glob("20*/manifest.json"))) == 1
    (tmp_path / "not-a-folder").write_text("")
    assert run("backup", BACKUP_ROOT=str(tmp_path / "not-a-folder")).returncode != 0
    assert run("bestaat-niet").returncode == 64

    with sqlite3.connect(tmp_path / "buurtkaart.db") as connection:
        rows = {name: (status, success is not None, failures) for name, status, success, failures in connection.execute(
            "SELECT name, last_status, last_success_at, failures_in_a_row FROM timer_runs")}
    assert rows == {"backup": (rows["backup"][0], True, 1)}  # the success before, then one failure
    assert rows["backup"][0] != 0
