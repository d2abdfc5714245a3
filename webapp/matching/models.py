"""Matches between a vraag and a helper, the messages in them, feedback and referrals to voorzieningen.

A Match row is a unique connection: one (vraag, helper) pair, made by a reaction or a proposal.
"""
from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db
from webapp.models_base import utcnow, uuid_pk

PROPOSED, ACCEPTED, CONFIRMED, COMPLETED, CANCELLED = (
    "voorgesteld", "geaccepteerd", "bevestigd", "afgerond", "geannuleerd")
# Who started the connection.
BY_HELPER, BY_ASKER, BY_COORDINATOR = "helper", "vrager", "coordinator"


class Match(db.Model):
    __tablename__ = "matches"
    __table_args__ = (UniqueConstraint("request_id", "helper_id", name="uq_matches_request_helper"),)

    id: Mapped[str] = uuid_pk()
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    request_id: Mapped[str] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    offer_id: Mapped[str | None] = mapped_column(ForeignKey("posts.id", ondelete="SET NULL"), index=True)
    helper_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    gemeente: Mapped[str] = mapped_column(String(100), index=True)
    status: Mapped[str] = mapped_column(String(20), default=PROPOSED, index=True)
    started_by: Mapped[str] = mapped_column(String(20))
    proposed_by_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # The helper said yes: at once when they reacted themselves, else (a coördinator's proposal, an asker's
    # reaction to their aanbod) with "Ja, ik help". Nothing is confirmed, nor shared, before it.
    helper_agreed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    confirmed_by_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Follow-up (followup.py): the day the help is planned, "Hoe ging het?" sent after it, one reminder later.
    planned_on: Mapped[date | None] = mapped_column(Date, index=True)
    follow_up_sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reminder_sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The coördinator's short private note (case notes): never shown to the two sides.
    coordinator_note: Mapped[str | None] = mapped_column(Text)
    coordinator_note_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    cancelled_by_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    cancel_reason: Mapped[str | None] = mapped_column(Text)

    request = relationship("HelpRequest", foreign_keys=[request_id])
    offer = relationship("HelpOffer", foreign_keys=[offer_id])
    helper = relationship("User", foreign_keys=[helper_id])
    messages = relationship("Message", back_populates="match", cascade="all, delete-orphan",
                            order_by="Message.created_at")
    feedback = relationship("MatchFeedback", back_populates="match", cascade="all, delete-orphan")


class Message(db.Model):
    __tablename__ = "messages"

    id: Mapped[str] = uuid_pk()
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    match_id: Mapped[str] = mapped_column(ForeignKey("matches.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)  # stored as typed; shown masked

    match = relationship("Match", back_populates="messages")
    author = relationship("User")


class MatchFeedback(db.Model):
    """'Hoe ging het?' after a match: one answer per side."""

    __tablename__ = "match_feedback"
    __table_args__ = (UniqueConstraint("match_id", "user_id", name="uq_match_feedback_match_user"),)

    id: Mapped[str] = uuid_pk()
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    match_id: Mapped[str] = mapped_column(ForeignKey("matches.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    verdict: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str | None] = mapped_column(Text)

    match = relationship("Match", back_populates="feedback")


class Referral(db.Model):
    """A coördinator points the asker of a vraag to a voorziening of the sociale kaart."""

    __tablename__ = "referrals"

    id: Mapped[str] = uuid_pk()
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    request_id: Mapped[str] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    service_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"))
    coordinator_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text)

    service = relationship("Service")
