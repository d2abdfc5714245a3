"""The outbox: a mail is stored in the same transaction as what caused it, and sent after the commit."""
from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from webapp.extensions import db
from webapp.models_base import utcnow, uuid_pk


class OutboxMail(db.Model):
    __tablename__ = "outbox_mails"

    id: Mapped[str] = uuid_pk()
    to_address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    text_body: Mapped[str] = mapped_column(Text)
    html_body: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(60))  # the template, e.g. "accounts/confirm_email"
    essential: Mapped[bool] = mapped_column(Boolean, default=True)  # False: carries an unsubscribe link
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    failed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # refused for good: no more retries
