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

from tests.system import require_program

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent  # the venv's bin/ (gunicorn, flask)
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def require_nginx():
    return require_program(NGINX, "nginx")


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


def start_gunicorn(folder, port, env, workers=2, threads=2, options=()):
    """gunicorn on 127.0.0.1:port; `options` go first (e.g. ("-c", "deploy/gunicorn.conf.py"))."""
    log = open(folder / "gunicorn.log", "w")
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), *options, "--workers", str(workers), "--threads", str(threads),
         "--bind", f"127.0.0.1:{port}", "--access-logfile", "-", "wsgi:app"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    log.close()
    process.log = folder / "gunicorn.log"
    return process


def nginx_files(folder, site_config):
    """The rendered site file inside a test-only main file, both in folder/nginx: (nginx's command without -g)

    The main file holds only what a system nginx.conf holds (pid, logs, temp folders, mime types), here in `folder`.
    """
    prefix = folder / "nginx"
    prefix.mkdir()
    (prefix / "buurtkaart.conf").write_text(site_config)
    user = "user root;" if os.geteuid() == 0 else ""  # workers read the checkout's static/ and our temp folders
    kinds = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    temp = "\n".join(f"    {kind}_temp_path {prefix / kind};" for kind in kinds)
    (prefix / "main.conf").write_text(f"""{user}
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
    return [require_nginx(), "-e", str(prefix / "error.log"), "-p", str(prefix), "-c", str(prefix / "main.conf")]


def start_nginx(folder, site_config):
    """nginx as a child (daemon off) serving the rendered site file."""
    command = nginx_files(folder, site_config)
    log = open(folder / "nginx" / "stderr.log", "w")
    process = subprocess.Popen(command + ["-g", "daemon off;"], stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    log.close()
    process.log = folder / "nginx" / "error.log"
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


def connections_per_worker(master, port):
    """{worker pid: established connections to 127.0.0.1:port it holds} for the children of `master` (Linux /proc).

    gunicorn's workers share one listening socket and the kernel decides which one accepts a connection, so a test
    that wants every worker busy has to look.
    """
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].split(":")[1], 16) == port and fields[3] == "01":  # local port, ESTABLISHED
            inodes.add(f"socket:[{fields[9]}]")
    counts = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if parent != master.pid:
                continue
            pid = int(stat.parent.name)
            counts[pid] = sum(1 for fd in (stat.parent / "fd").iterdir() if _readlink(fd) in inodes)
        except (OSError, IndexError, ValueError):  # a process that just went away
            continue
    return counts


def _readlink(path):
    try:
        return os.readlink(path)
    except OSError:
        return None
