"""The moderation log and abuse reports. The log is never edited: who did what, when and why."""
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db
from webapp.models_base import utcnow, uuid_pk

REPORT_OPEN, REPORT_UPHELD, REPORT_DISMISSED = "open", "gegrond", "ongegrond"


class ModerationAction(db.Model):
    __tablename__ = "moderation_actions"

    id: Mapped[str] = uuid_pk()
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    gemeente: Mapped[str] = mapped_column(String(100), index=True)
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor_name: Mapped[str] = mapped_column(String(100))  # kept when the account is gone
    action: Mapped[str] = mapped_column(String(30))
    post_id: Mapped[str | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"), index=True)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))  # e.g. blocked
    report_id: Mapped[str | None] = mapped_column(ForeignKey("abuse_reports.id", ondelete="SET NULL"))
    reason: Mapped[str | None] = mapped_column(Text)

    post = relationship("Post")
    actor = relationship("User", foreign_keys=[actor_id])
    user = relationship("User", foreign_keys=[user_id])


class AbuseReport(db.Model):
    """'Meld misbruik' on a public post; the reporter (account or e-mail address) hears the outcome."""

    __tablename__ = "abuse_reports"

    id: Mapped[str] = uuid_pk()
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    post_id: Mapped[str] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    gemeente: Mapped[str] = mapped_column(String(100), index=True)
    reporter_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reporter_email: Mapped[str | None] = mapped_column(String(254))
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default=REPORT_OPEN, index=True)
    handled_by_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    handled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    outcome: Mapped[str | None] = mapped_column(Text)

    post = relationship("Post")
    reporter = relationship("User", foreign_keys=[reporter_id])
