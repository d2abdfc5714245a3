"""People who log in: inwoners (ask and offer help), coördinatoren and beheerders, each for some gemeenten."""
from flask_login import UserMixin
from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db
from webapp.models_base import Timestamps, uuid_pk

INWONER, COORDINATOR, BEHEERDER = "inwoner", "coordinator", "beheerder"
ROLES = (INWONER, COORDINATOR, BEHEERDER)
_RANK = {INWONER: 0, COORDINATOR: 1, BEHEERDER: 2}  # a beheerder has coördinator rights too
# The demo's example accounts (password in the README) live here; .example is reserved (RFC 2606), so no real
# resident can have such an address. Outside demo mode they cannot log in.
EXAMPLE_DOMAIN = "voorbeeld.example"


class User(UserMixin, Timestamps, db.Model):
    __tablename__ = "users"

    id: Mapped[str] = uuid_pk()
    email: Mapped[str | None] = mapped_column(String(254), unique=True)  # None: made at a phone intake
    password_hash: Mapped[str | None] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(100))
    postcode: Mapped[str | None] = mapped_column(String(7))
    phone: Mapped[str | None] = mapped_column(String(40))  # E.164 (webapp/accounts/phone.py)
    # What a confirmed match gives the other side: "telefoon", "e-mail" or "beide" (phone.SHARE_*).
    share_contact: Mapped[str] = mapped_column(String(10), default="beide", server_default="beide")
    email_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Set when a mail server refused this address for good (SMTP 5xx); cleared when the address is confirmed.
    email_bounced_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    mail_opt_out: Mapped[bool] = mapped_column(Boolean, default=False)  # no mails that are not strictly needed
    created_by_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    role: Mapped[str] = mapped_column(String(20), default=INWONER)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Part of the session id: raising it logs the user out everywhere (password reset, blocking).
    session_version: Mapped[int] = mapped_column(Integer, default=1)
    version: Mapped[int] = mapped_column(Integer, nullable=False)  # every change; profile forms carry it

    __mapper_args__ = {"version_id_col": version}

    gemeente_links = relationship("UserGemeente", cascade="all, delete-orphan", order_by="UserGemeente.gemeente")

    @property
    def gemeenten(self):
        return [link.gemeente for link in self.gemeente_links]

    @property
    def is_active(self):
        return self.active

    def get_id(self):
        return f"{self.id}:{self.session_version}"

    def has_role(self, role):
        return _RANK.get(self.role, -1) >= _RANK[role]

    @property
    def is_example(self):
        return (self.email or "").endswith("@" + EXAMPLE_DOMAIN)

    def works_for(self, gemeente):
        return gemeente in self.gemeenten


class UsedToken(db.Model):
    """A confirmation or reset link that has been used: each works once."""

    __tablename__ = "used_tokens"

    token_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    used_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class UserGemeente(db.Model):
    __tablename__ = "user_gemeenten"

    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    gemeente: Mapped[str] = mapped_column(String(100), primary_key=True)


class ActedFor(db.Model):
    """A coördinator acted for this (intake) account at least once. Four eyes: such a coördinator never approves
    that account's posts nor confirms its matches; another coördinator of the gemeente does."""

    __tablename__ = "acted_for"

    coordinator_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    first_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class GemeenteBlock(db.Model):
    """A coördinator blocked this resident in one gemeente: their posts there are offline and they post and react
    there no more. The account itself keeps working elsewhere (only a site-wide block ends it: users.active)."""

    __tablename__ = "gemeente_blocks"

    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    gemeente: Mapped[str] = mapped_column(String(100), primary_key=True)
    blocked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    blocked_by_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


def is_blocked_in(user, gemeente):
    """Blocked in this gemeente (or everywhere: an inactive account). `user` is an account or its id."""
    user = db.session.get(User, user) if isinstance(user, str) else user
    if user is None:
        return False
    if not user.active:
        return True
    return db.session.get(GemeenteBlock, (user.id, gemeente)) is not None
