"""Voor elkaar posts: a hulpvraag (someone needs help) and a hulpaanbod (a volunteer offers it).

One table (single-table inheritance): moderation, expiry, privacy and the board treat both alike.
The exact point and what the author typed as place never leave the server; the public sees
`public_latitude`/`public_longitude` (a point at least PRIVACY_K addresses share, see privacy.py) and the woonplaats.
"""
from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db
from webapp.models_base import Timestamps, uuid_pk
from webapp.posts.vocab import CATEGORIES, CONCEPT, OFFER, OPEN, REQUEST


class Post(Timestamps, db.Model):
    __tablename__ = "posts"

    id: Mapped[str] = uuid_pk()
    kind: Mapped[str] = mapped_column(String(20), index=True)
    author_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=CONCEPT, index=True)
    title: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    categories: Mapped[str] = mapped_column(String(400), default="")  # comma-separated slugs; a vraag has one
    # Place: what the author typed and the exact point are private; woonplaats and the public point are public.
    place_text: Mapped[str | None] = mapped_column(String(200))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    precision: Mapped[str | None] = mapped_column(String(20))
    public_latitude: Mapped[float | None] = mapped_column(Float)
    public_longitude: Mapped[float | None] = mapped_column(Float)
    woonplaats: Mapped[str | None] = mapped_column(String(100))
    gemeente: Mapped[str] = mapped_column(String(100), index=True)
    # Hulpvraag: when, and on whose behalf.
    when_kind: Mapped[str | None] = mapped_column(String(20))
    date_from: Mapped[date | None] = mapped_column(Date)
    date_until: Mapped[date | None] = mapped_column(Date)
    when_note: Mapped[str | None] = mapped_column(String(200))
    behalf_name: Mapped[str | None] = mapped_column(String(100))  # None: for the author self
    behalf_relation: Mapped[str | None] = mapped_column(String(20))
    contact_choice: Mapped[str | None] = mapped_column(String(20))  # whose details a confirmed helper gets
    contact_name: Mapped[str | None] = mapped_column(String(100))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    # For someone else: who agreed to the vraag, and when the author said so (required; privacy by design).
    consent_name: Mapped[str | None] = mapped_column(String(100))
    consent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Only the coördinatoren see it: never on the board, the map, the API or in the index.
    coordinator_only: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Hulpaanbod: availability ("ma-ochtend,za-middag") and travel radius.
    availability: Mapped[str | None] = mapped_column(String(400))
    travel_km: Mapped[int | None] = mapped_column(Integer)
    # An edit of a public post waits here (field -> value, JSON-safe) until a coördinator approves it.
    pending_changes: Mapped[dict | None] = mapped_column(JSON)
    moderation_note: Mapped[str | None] = mapped_column(Text)  # the last reason for a rejection
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)  # demo data, labelled as such
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))  # first time open
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    reminder_sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    anonymised_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"polymorphic_on": kind, "version_id_col": version}
    # Open posts in a box around a point (suggestions/candidates.py), read from the index alone.
    __table_args__ = (Index("ix_posts_open_place", "kind", "status", "latitude", "longitude", "travel_km",
                            "coordinator_only", "author_id", "id"),)

    author = relationship("User", foreign_keys=[author_id])

    @property
    def category_list(self):
        return [slug for slug in self.categories.split(",") if slug in CATEGORIES]

    @property
    def public_point(self):
        if self.public_latitude is None or self.public_longitude is None:
            return None
        return (self.public_latitude, self.public_longitude)

    @property
    def exact_point(self):
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)

    def is_searchable(self):
        return self.status == OPEN and not self.coordinator_only

    def search_document(self):
        from webapp.posts.documents import post_document
        return post_document(self)


class HelpRequest(Post):
    __search_kind__ = REQUEST
    __mapper_args__ = {"polymorphic_identity": REQUEST}

    @property
    def category(self):
        categories = self.category_list
        return categories[0] if categories else "overig"

    @property
    def on_behalf(self):
        return bool(self.behalf_name)


class HelpOffer(Post):
    __search_kind__ = OFFER
    __mapper_args__ = {"polymorphic_identity": OFFER}

    @property
    def slots(self):
        return [slot for slot in (self.availability or "").split(",") if slot]


POST_CLASSES = {REQUEST: HelpRequest, OFFER: HelpOffer}
