"""Timer runs: when each scheduled command last ran and last succeeded, for /healthz."""
from datetime import datetime

from sqlalchemy import DateTime, Float, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from webapp.extensions import db
from webapp.models_base import utcnow


class TimerRun(db.Model):
    """One row per timer (its name, e.g. "mail-send-pending"), updated by `flask ops record-run` after each run."""

    __tablename__ = "timer_runs"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    last_run_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_status: Mapped[int] = mapped_column(Integer, default=0)  # the command's exit status
    last_duration: Mapped[float] = mapped_column(Float, default=0.0)  # seconds
    last_success_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    failures_in_a_row: Mapped[int] = mapped_column(Integer, default=0)
