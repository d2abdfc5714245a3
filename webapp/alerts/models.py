"""A resident's subscription to new posts near a place."""
from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db
from webapp.models_base import utcnow, uuid_pk

AT_ONCE, DAILY, WEEKLY = "direct", "dag", "week"


class AlertSubscription(db.Model):
    __tablename__ = "alert_subscriptions"

    id: Mapped[str] = uuid_pk()
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)  # the posts to hear of: hulpvraag or hulpaanbod
    place_text: Mapped[str] = mapped_column(String(200))  # as typed; never shown to anyone else
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
    radius_km: Mapped[int] = mapped_column(Integer)
    categories: Mapped[str] = mapped_column(String(400), default="")  # comma-separated; empty: every onderwerp
    frequency: Mapped[str] = mapped_column(String(10), default=AT_ONCE)
    last_digest_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user = relationship("User")

    @property
    def category_list(self):
        return [slug for slug in (self.categories or "").split(",") if slug]
