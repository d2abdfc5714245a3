"""gunicorn's settings for production: `gunicorn -c deploy/gunicorn.conf.py wsgi:app` (deploy/systemd/buurtkaart.service).

Each value can be changed in the environment (GUNICORN_BIND, GUNICORN_WORKERS, GUNICORN_THREADS, FORWARDED_ALLOW_IPS)
or on the command line after -c. With PROMETHEUS_MULTIPROC_DIR set (one folder per server, writable by it) every
worker counts into that folder and /metrics sums them; the folder is emptied when gunicorn starts, and a worker
that exits is marked dead (its live gauges dropped, its counts kept).
"""
import os
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")  # only nginx reaches it (README "In productie")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
timeout = 60  # nginx's proxy_read_timeout is 60 s too
graceful_timeout = 30
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))  # a worker is renewed now and then
max_requests_jitter = max_requests // 10
accesslog = "-"
# Access lines without tokens, places, points or search words (README "Bewaartermijnen"; webapp/privacy/access_log.py).
logger_class = "webapp.privacy.access_log.RedactingLogger"


def on_starting(server):
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        for stale in Path(folder).glob("*.db"):  # counts of an earlier run of this server
            stale.unlink()


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess
        multiprocess.mark_process_dead(worker.pid)


def post_worker_init(worker):
    """Warm each worker before its first request: the search index, its columns, the gazetteer; then
    gc.freeze() (webapp.warm_up; ../shared/notes: a first search at 100,000 documents took 2-3 s)."""
    from webapp import warm_up
    warm_up(worker.wsgi)
