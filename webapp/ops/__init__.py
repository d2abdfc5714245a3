"""Operations: /healthz for a load balancer, /metrics for Prometheus, and the record of timer runs.

Stands above search and mail (it reads their state); nothing imports it but the wiring.
"""
from flask import Blueprint

bp = Blueprint("ops", __name__)

from webapp.ops import cli, hosts, metrics, routes  # noqa: E402,F401  (routes register on bp)


def init_app(app):
    metrics.init_app(app)
    hosts.init_app(app)
    app.register_blueprint(bp)
    app.cli.add_command(cli.ops_group)
