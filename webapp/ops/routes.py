"""/healthz (JSON, for a load balancer) and /metrics (Prometheus text, for the configured addresses only)."""
import logging
import time

from flask import abort, current_app, jsonify, make_response, request
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from webapp.extensions import db
from webapp.ops import bp, metrics
from webapp.ops.state import index_state, outbox_state, timer_states

log = logging.getLogger(__name__)


@bp.get("/healthz")
def healthz():
    """200 while this server can answer (status "ok", or "degraded" when it lags); 503 without its database."""
    started = time.perf_counter()
    try:
        with Session(db.engine) as session:
            session.execute(text("SELECT 1"))
            database = {"ok": True, "seconds": round(time.perf_counter() - started, 4)}
            outbox, timers = outbox_state(session), timer_states(session)
            index = _index(session)
    except SQLAlchemyError:
        log.warning("/healthz: the database does not answer", exc_info=True)
        return _no_store(jsonify(status="down", database={"ok": False})), 503
    degraded = not index["ok"] or not all(timer["ok"] for timer in timers.values())
    return _no_store(jsonify(status="degraded" if degraded else "ok", database=database, index=index,
                             outbox=outbox, timers=timers))


def _index(session):
    try:
        state = index_state(session)
    except SQLAlchemyError:
        raise  # the database itself: /healthz says "down"
    except Exception:  # an unreadable index folder: this server still answers, from the database
        log.warning("/healthz: the search index cannot be read", exc_info=True)
        return {"ok": False}
    limit = current_app.config["HEALTH_INDEX_LAG_SECONDS"]
    in_time = state.lag_rows == 0 or state.lag_seconds < limit
    return {"ok": state.same_epoch and in_time, "position": state.position, "head": state.head,
            "lag_rows": state.lag_rows, "lag_seconds": state.lag_seconds, "same_epoch": state.same_epoch}


@bp.get("/metrics")
def metrics_page():
    if not metrics.allowed(request.remote_addr):
        abort(404)
    response = make_response(metrics.render())
    response.headers["Content-Type"] = metrics.CONTENT_TYPE
    return _no_store(response)


def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response
