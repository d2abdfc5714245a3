"""Real OS processes for deployment tests: gunicorn on a migrated SQLite file, nginx with a rendered config.

Everything listens on 127.0.0.1 on a free port, logs into the test's tmp folder and is stopped by `stop`.
Each process gets its own session, so `stop` can end its workers too (nginx's workers would outlive a killed master).
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent  # the venv's bin/ (gunicorn, flask)
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def require_nginx():
    if not Path(NGINX).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{NGINX} is missing: scripts/test.sh installs Debian's nginx")
        pytest.skip(f"{NGINX} is missing (scripts/test.sh installs it)")
    return NGINX


def app_environment(folder, **extra):
    """The environment of a production-like server whose data lives in `folder`."""
    env = {key: value for key, value in os.environ.items() if key != "TEST_DATABASE_URL"}
    env.update({
        "DATABASE_URL": f"sqlite:///{folder / 'buurtkaart.db'}",
        "SEARCH_INDEX_DIR": str(folder / "index"),
        "SECRET_KEY": "deploy-test",
        "MAIL_BACKEND": "file",
        "BUURTKAART_DEMO": "1",  # demo mode (no SITE_URL needed, once that is a setting)
        **extra,
    })
    return env


def migrate(env):
    """The schema by the migrations, as on a real server (`flask db upgrade`)."""
    result = subprocess.run([str(BIN / "flask"), "--app", "wsgi", "db", "upgrade"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def start_gunicorn(folder, port, env, workers=2, threads=2):
    log = open(folder / "gunicorn.log", "w")
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "--workers", str(workers), "--threads", str(threads),
         "--bind", f"127.0.0.1:{port}", "--access-logfile", "-", "wsgi:app"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    log.close()
    process.log = folder / "gunicorn.log"
    return process


def start_nginx(folder, site_config):
    """nginx as a child (daemon off), with the rendered site file inside a test-only main file.

    The main file holds only what a system nginx.conf holds (pid, logs, temp folders, mime types), here in `folder`.
    """
    nginx = require_nginx()
    (folder / "nginx").mkdir()
    prefix = folder / "nginx"
    (prefix / "buurtkaart.conf").write_text(site_config)
    user = "root" if os.geteuid() == 0 else None  # workers read the checkout's static/ and our temp folders
    temp = "\n".join(f"    {kind}_temp_path {prefix / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (prefix / "main.conf").write_text(f"""{f'user {user};' if user else ''}
worker_processes 1;
pid {prefix / 'nginx.pid'};
error_log {prefix / 'error.log'} info;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {prefix / 'access.log'};
{temp}
    include {prefix / 'buurtkaart.conf'};
}}
""")
    log = open(prefix / "stderr.log", "w")
    process = subprocess.Popen(
        [nginx, "-e", str(prefix / "error.log"), "-p", str(prefix), "-c", str(prefix / "main.conf"),
         "-g", "daemon off;"],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    log.close()
    process.log = prefix / "error.log"
    return process


def wait_for_port(port, process, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        assert process.poll() is None, f"exited early:\n{process.log.read_text()}"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            assert time.monotonic() < deadline, f"nothing on port {port} after {timeout} s:\n{process.log.read_text()}"
            time.sleep(0.1)


def stop(process, timeout=15):
    """SIGTERM (gunicorn and nginx both stop their workers), then SIGKILL to the process's own group."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)  # whatever is left of its own session (a worker of a killed master)
    except ProcessLookupError:
        pass
    process.wait(timeout=timeout)
