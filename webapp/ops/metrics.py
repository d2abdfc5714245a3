"""Prometheus metrics with the standard client. Under gunicorn set PROMETHEUS_MULTIPROC_DIR (an empty folder per
server, emptied at start by deploy/gunicorn.conf.py): every worker then writes its counts there and /metrics adds
them up, so one scrape sees the whole server whichever worker answers it.

Counted per request and search; index lag, outbox and timers are read from the database at scrape time.
"""
import ipaddress
import logging
import os
import time
from datetime import timezone

from flask import current_app, g, request
from prometheus_client import (CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, Counter, Histogram,
                               generate_latest, multiprocess)
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import select
from sqlalchemy.orm import Session

from webapp.extensions import db
from webapp.ops.models import TimerRun
from webapp.ops.state import index_state, outbox_state
from webapp.pagecache import page_reused
from webapp.search import searched

log = logging.getLogger(__name__)
CONTENT_TYPE = CONTENT_TYPE_LATEST
REQUESTS = Counter("buurtkaart_http_requests", "HTTP requests answered", ["endpoint", "method", "status"])
LATENCY = Histogram("buurtkaart_http_request_duration_seconds", "Time to answer a request", ["endpoint"])
SEARCHES = Histogram("buurtkaart_search_duration_seconds", "Time of one full-text search", ["kind"])
PAGES_REUSED = Counter("buurtkaart_pages_reused", "Pages answered from the page cache (webapp/pagecache)", ["endpoint"])


def init_app(app):
    app.extensions["metrics_networks"] = [ipaddress.ip_network(part.strip(), strict=False)
                                          for part in app.config["METRICS_ALLOWED_IPS"].split(",") if part.strip()]
    app.before_request(_start)
    app.after_request(_count)
    searched.connect(_count_search)
    page_reused.connect(_count_reused_page)


def allowed(address):
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    return any(ip in network for network in current_app.extensions["metrics_networks"])


def _start():
    g.ops_started = time.perf_counter()


def _count(response):
    endpoint = request.endpoint or "unmatched"  # the route, never the path: a bounded set of labels
    REQUESTS.labels(endpoint, request.method, str(response.status_code)).inc()
    if "ops_started" in g:
        LATENCY.labels(endpoint).observe(time.perf_counter() - g.ops_started)
    return response


def _count_search(_sender, kind, seconds, **_extra):
    SEARCHES.labels(kind).observe(seconds)


def _count_reused_page(_sender, endpoint, **_extra):
    PAGES_REUSED.labels(endpoint or "unmatched").inc()


def render():
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    live = CollectorRegistry()
    live.register(_LiveState())
    return generate_latest(registry) + generate_latest(live)


class _LiveState:
    """Gauges read at scrape time, the same from every worker of a server."""

    def collect(self):
        up = GaugeMetricFamily("buurtkaart_database_up", "1 when the database answers")
        try:
            with Session(db.engine) as session:
                families = list(_state_families(session))
            up.add_metric([], 1)
        except Exception:
            log.warning("/metrics: reading the state failed", exc_info=True)
            families = []
            up.add_metric([], 0)
        yield up
        yield from families


def _state_families(session):
    index = index_state(session)
    yield _gauge("buurtkaart_index_lag_rows", "Index log rows this server's index has not applied", index.lag_rows)
    yield _gauge("buurtkaart_index_lag_seconds", "Age of the oldest unapplied index log row", index.lag_seconds)
    outbox = outbox_state(session)
    yield _gauge("buurtkaart_outbox_pending", "Mails waiting to be sent", outbox["pending"])
    yield _gauge("buurtkaart_outbox_failed", "Mails refused for good", outbox["failed"])
    success = GaugeMetricFamily("buurtkaart_timer_last_success_timestamp_seconds", "Last successful run", labels=["timer"])
    failures = GaugeMetricFamily("buurtkaart_timer_failures_in_a_row", "Failed runs since the last success", labels=["timer"])
    for run in session.scalars(select(TimerRun)):
        if run.last_success_at:
            success.add_metric([run.name], _timestamp(run.last_success_at))
        failures.add_metric([run.name], run.failures_in_a_row)
    yield success
    yield failures


def _gauge(name, documentation, value):
    family = GaugeMetricFamily(name, documentation)
    family.add_metric([], value)
    return family


def _timestamp(moment):
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).timestamp()
