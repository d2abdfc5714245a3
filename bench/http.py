"""Requests/s under gunicorn on 127.0.0.1: a bounded Python load generator (wrk is not installed here)."""
import http.client
import os
import subprocess
import sys
import threading
import time
from itertools import cycle
from pathlib import Path
from urllib.parse import urlencode

from bench.measure import percentile, rss_mb
from tests.system import free_port

ROOT = Path(__file__).resolve().parents[1]
WORKERS = 2  # one per core of the benchmark machine


class Server:
    """gunicorn with the production settings (deploy/gunicorn.conf.py: warm-up, gc.freeze), one thread per
    worker, serving the benchmark's database and index."""

    def __init__(self, database_url, index_dir, folder, settings=None):
        self.port = free_port()
        env = {**os.environ, "DATABASE_URL": database_url, "SEARCH_INDEX_DIR": str(index_dir),
               "BUURTKAART_DEMO": "1", "SECRET_KEY": "bench", "RATELIMIT_ENABLED": "0",
               "SITE_URL": f"http://127.0.0.1:{self.port}", "RATELIMIT_SQLITE_PATH": str(folder / "rl.db"),
               "MAIL_DIR": str(folder / "mail"), "PYTHONWARNINGS": "ignore",
               "GUNICORN_MAX_REQUESTS": "0",  # no renewed workers: the memory is measured across a long series
               **(settings or {})}
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [str(gunicorn), "-c", "deploy/gunicorn.conf.py", "-w", str(WORKERS), "--threads", "1",
             "-b", f"127.0.0.1:{self.port}", "--log-level", "error", "wsgi:app"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=open(folder / "gunicorn.log", "w"))
        self._wait()

    def _wait(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if get(self.port, "/cookies")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer within 60 s (see gunicorn.log)")

    def worker_rss_mb(self):
        return max(self.workers_rss_mb().values(), default=None)

    def workers_rss_mb(self):
        """{worker pid: RSS in MB}."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        pids = children.read_text().split() if children.exists() else []
        return {pid: rss_mb(pid) or 0 for pid in pids}

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, None
    finally:
        connection.close()


def load(port, path, seconds, threads):
    """{"rps", "p95_ms", "errors"} for `threads` clients asking `path` for `seconds`, after a warm-up of up to
    2 s (every worker's first search opens the index and reads the gazetteer)."""
    _run_clients(port, path, min(seconds, 2.0), threads)
    return _run_clients(port, path, seconds, threads)


def zoeken_paths(specs, pages=(1, 2)):
    """/zoeken for each service query of bench/queries.json, on each of `pages`: different searches, as residents
    ask."""
    paths = []
    for spec in specs:
        params = {"q": spec.get("q"), "plaats": spec.get("near"), "straal": spec.get("radius_km"),
                  "thema": spec.get("themes", []), "toegang": spec.get("access"),
                  "nu_open": "y" if spec.get("open_now") else None}
        params = {name: value for name, value in params.items() if value not in (None, [])}
        paths += [f"/zoeken?{urlencode({**params, 'pagina': page}, doseq=True)}" for page in pages]
    return paths


def memory_growth(server, paths, count, limit_s, threads):
    """Each worker's RSS after every path has been asked twice, halfway through `count` more searches over the paths
    and after them (or as many as `limit_s` seconds allow); the largest growth of a worker that lived through the
    series, over the whole and over the second half (a leak grows in both halves; a worker still settling in the
    first only)."""
    _ask(server.port, paths * 2, threads)
    before = server.workers_rss_mb()
    series = [path for path, _ in zip(cycle(paths), range(count))]
    asked, errors = _ask(server.port, series[:count // 2], threads, limit_s / 2)
    halfway = server.workers_rss_mb()
    more, more_errors = _ask(server.port, series[count // 2:], threads, limit_s / 2)
    after = server.workers_rss_mb()
    return {"rss_growth_mb": _largest_growth(before, after),
            "rss_growth_second_half_mb": _largest_growth(halfway, after), "rss_searches": asked + more, "rss_before_mb": max(before.values(), default=None),
            "rss_after_mb": max(after.values(), default=None), "rss_search_errors": errors + more_errors}


def _largest_growth(before, after):
    growth = [after[pid] - before[pid] for pid in before if pid in after]
    return round(max(growth), 1) if growth else None


def page_cache_memory(server, paths, threads):
    """The largest growth of a worker's RSS while `paths` (more than PAGE_CACHE_ENTRIES different pages) fill its
    page cache: what the kept pages cost."""
    before = server.workers_rss_mb()
    _asked, errors = _ask(server.port, paths, threads)
    return {"rss_page_cache_mb": _largest_growth(before, server.workers_rss_mb()), "page_cache_paths": len(paths),
            "page_cache_errors": errors}


def _ask(port, paths, threads, limit_s=None):
    """Ask every path once (until `limit_s` seconds have passed), `threads` clients at a time: (how many were asked,
    how many answers were not 200)."""
    queue, counts, lock = iter(paths), [0, 0], threading.Lock()
    stop_at = time.monotonic() + limit_s if limit_s else None

    def client():
        while True:
            with lock:
                path = None if stop_at and time.monotonic() > stop_at else next(queue, None)
            if path is None:
                return
            try:
                ok = get(port, path)[0] == 200
            except OSError:
                ok = False
            with lock:
                counts[0] += 1
                counts[1] += not ok
    workers = [threading.Thread(target=client) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return counts[0], counts[1]


def _run_clients(port, path, seconds, threads):
    latencies, errors, lock = [], [0], threading.Lock()
    stop_at = time.monotonic() + seconds

    def client():
        while time.monotonic() < stop_at:
            start = time.perf_counter()
            try:
                ok = get(port, path)[0] == 200
            except OSError:
                ok = False
            with lock:
                if ok:
                    latencies.append((time.perf_counter() - start) * 1000)
                else:
                    errors[0] += 1
    workers = [threading.Thread(target=client) for _ in range(threads)]
    start = time.monotonic()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - start
    return {"rps": round(len(latencies) / elapsed, 1), "p95_ms": round(percentile(latencies, 0.95) or 0, 1),
            "errors": errors[0]}
