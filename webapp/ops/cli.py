"""`flask ops record-run NAME --status N --seconds S`: deploy/task.sh calls it after each timer's command."""
import click
from flask.cli import AppGroup
from sqlalchemy.orm import Session

from webapp.database import begin_write
from webapp.extensions import db
from webapp.models_base import utcnow
from webapp.ops.models import TimerRun

ops_group = AppGroup("ops", help="Bedrijfsvoering: de timers en hun laatste runs.")


@ops_group.command("record-run")
@click.argument("name")
@click.option("--status", type=int, required=True, help="De exitstatus van de opdracht (0 = gelukt).")
@click.option("--seconds", type=float, default=0.0, help="Hoe lang de opdracht duurde.")
def record_run_command(name, status, seconds):
    """Record one run of the timer NAME for /healthz and /metrics."""
    record_run(name, status, seconds)
    click.echo(f"Timer {name}: {'gelukt' if status == 0 else f'mislukt (status {status})'}.")


def record_run(name, status, seconds):
    with Session(db.engine) as session:
        begin_write(session)
        run = session.get(TimerRun, name) or TimerRun(name=name, failures_in_a_row=0)
        now = utcnow()
        run.last_run_at, run.last_status, run.last_duration = now, status, seconds
        if status == 0:
            run.last_success_at, run.failures_in_a_row = now, 0
        else:
            run.failures_in_a_row = (run.failures_in_a_row or 0) + 1
        session.add(run)
        session.commit()
