"""Prometheus multiprocess mode under gunicorn: one scrape counts the requests of every worker, also of workers
that were replaced (max_requests), with deploy/gunicorn.conf.py's hooks."""
import urllib.request

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.deploy.servers import app_environment, migrate, start_gunicorn, stop, wait_for_port
from tests.system import free_port


@pytest.mark.slow
def test_one_scrape_counts_every_workers_requests(tmp_path):
    folder = tmp_path / "prometheus"
    folder.mkdir()
    (folder / "counter_999999.db").write_bytes(b"stale")  # left by an earlier run: emptied at start
    env = app_environment(tmp_path, PROMETHEUS_MULTIPROC_DIR=str(folder), GUNICORN_MAX_REQUESTS="3")
    migrate(env)
    port = free_port()
    server = start_gunicorn(tmp_path, port, env, workers=2, threads=1, options=("-c", "deploy/gunicorn.conf.py"))
    try:
        wait_for_port(port, server)
        for _ in range(12):  # each worker is replaced after 3 requests: at least four processes answer
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/toegankelijkheid", timeout=30) as response:
                assert response.status == 200
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=30) as response:
            text = response.read().decode()
    finally:
        stop(server)
    counted = sum(sample.value for family in text_string_to_metric_families(text) for sample in family.samples
                  if sample.name == "buurtkaart_http_requests_total"
                  and sample.labels.get("endpoint") == "pages.toegankelijkheid")
    assert counted == 12
    assert not (folder / "counter_999999.db").exists()
    assert len(list(folder.glob("counter_*.db"))) >= 4
