"""What providers and visitors send about a listing: the reminders with their signed link, and the beheer queue."""
from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db
from webapp.models_base import utcnow, uuid_pk

PROVIDER, VISITOR = "aanbieder", "bezoeker"  # who sent a suggestion
OPEN, HANDLED = "open", "afgehandeld"


class ListingReminder(db.Model):
    """One mail with a link to check a listing: sent by the timer (stale listings) or by a beheerder by hand.
    The link names this row; its address is where the mail went."""

    __tablename__ = "listing_reminders"

    id: Mapped[str] = uuid_pk()
    service_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), index=True)
    to_address: Mapped[str] = mapped_column(String(254))
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    by_hand: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    actor: Mapped[str | None] = mapped_column(String(254))  # the beheerder who sent it by hand

    service = relationship("Service")


class ListingSuggestion(db.Model):
    """A correction or a remark about a listing, waiting in /beheer/meldingen until a beheerder handles it.

    `changes` is a per-field diff, [{"field", "old", "new"}] (hours also carry "slots": [[weekday, "09:00",
    "12:00"], ...]); a visitor's remark has only a `note`. `accepted` names the fields a beheerder took over.
    """

    __tablename__ = "listing_suggestions"

    id: Mapped[str] = uuid_pk()
    service_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    source: Mapped[str] = mapped_column(String(20))  # PROVIDER or VISITOR
    reminder_id: Mapped[str | None] = mapped_column(ForeignKey("listing_reminders.id", ondelete="SET NULL"))
    changes: Mapped[list] = mapped_column(JSON, default=list)
    note: Mapped[str | None] = mapped_column(Text)
    contact_email: Mapped[str | None] = mapped_column(String(254))  # for questions back; never shown publicly
    service_version: Mapped[int] = mapped_column(Integer)  # the listing as the sender saw it
    status: Mapped[str] = mapped_column(String(20), default=OPEN, index=True)
    handled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    handled_by: Mapped[str | None] = mapped_column(String(254))
    accepted: Mapped[list] = mapped_column(JSON, default=list)

    service = relationship("Service")
    reminder = relationship("ListingReminder")
