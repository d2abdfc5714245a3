"""Each gemeente's way in for questions (name, phone, address, hours, website): shown wherever the kaart
has no answer of its own, and kept up by the gemeente's beheerders, every change audited."""
from dataclasses import asdict, dataclass
from datetime import date, datetime

from flask_babel import gettext as _, lazy_gettext as _l
from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, false, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.database import StaleVersion, check_version, insert_unless_taken, write_block
from webapp.directory.audit import CHANGED, CREATED
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.models_base import Timestamps, utcnow, uuid_pk
from webapp.text import slugify

FIELD_LABELS = {
    "name": _l("Naam"), "phone": _l("Telefoon"), "phone_source": _l("Bron van het telefoonnummer"),
    "address": _l("Adres"), "opening_hours": _l("Openingstijden"), "website": _l("Website"),
    "website_source": _l("Bron van de website"), "last_checked_on": _l("Laatst gecontroleerd"),
    "liberation_day_every_year": _l("Bevrijdingsdag elk jaar een vrije dag"),
}


class GemeenteContact(Timestamps, db.Model):
    """One row per gemeente. A field nobody has a source for stays empty: the page then says 'onbekend'."""

    __tablename__ = "gemeente_contacts"

    id: Mapped[str] = uuid_pk()
    gemeente: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))  # "Gemeente Meppel"
    phone: Mapped[str | None] = mapped_column(String(40))
    phone_source: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    opening_hours: Mapped[str | None] = mapped_column(Text)
    website: Mapped[str | None] = mapped_column(String(300))
    website_source: Mapped[str | None] = mapped_column(String(200))
    last_checked_on: Mapped[date | None] = mapped_column(Date)  # None: "nog niet gecontroleerd"
    # Off: Bevrijdingsdag closes voorzieningen only in lustrum years (2025, 2030), as the national calendar has it.
    liberation_day_every_year: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    demo_fingerprint: Mapped[str | None] = mapped_column(String(64))  # the content as `demo load` left it

    __mapper_args__ = {"version_id_col": version}

    @property
    def slug(self):
        return slugify(self.gemeente)

    @property
    def phone_link(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+") if self.phone else None


class GemeenteContactChange(db.Model):
    """The audit log of a gemeente's way in: who, when, which fields, old -> new."""

    __tablename__ = "gemeente_contact_changes"

    id: Mapped[str] = uuid_pk()
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(254))  # the e-mail address then: kept when the account goes
    contact_id: Mapped[str] = mapped_column(ForeignKey("gemeente_contacts.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    changes: Mapped[list] = mapped_column(JSON, default=list)  # [{"field", "old", "new"}]

    contact = relationship("GemeenteContact")


@dataclass(frozen=True)
class ContactData:
    """What a beheerder fills in for their gemeente's way in."""

    name: str
    phone: str | None = None
    phone_source: str | None = None
    address: str | None = None
    opening_hours: str | None = None
    website: str | None = None
    website_source: str | None = None
    last_checked_on: date | None = None
    liberation_day_every_year: bool = False


def contact_for(gemeente):
    """The gemeente's way in, or None when nobody entered one."""
    if not gemeente:
        return None
    return db.session.scalar(select(GemeenteContact).where(GemeenteContact.gemeente == gemeente))


def all_contacts():
    return db.session.scalars(select(GemeenteContact).order_by(GemeenteContact.gemeente)).all()


def gemeente_by_slug(slug, known):
    """The name among `known` whose slug is `slug` ('gooise-meren' -> 'Gooise Meren'), or None."""
    return next((name for name in known if slugify(name) == slug), None)


def for_dead_end(gemeente=None, place=None):
    """Whom to point a resident to when the kaart found nothing: the chosen gemeente, else the gemeente of the
    place searched from, else every gemeente that has a way in."""
    for name in (gemeente, getattr(place, "gemeente", None)):
        contact = contact_for(name)
        if contact is not None:
            return [contact]
    return all_contacts()


def _new_contact(gemeente, data):
    contact = GemeenteContact(gemeente=gemeente, **asdict(data))
    db.session.add(contact)
    db.session.flush()
    return contact


def snapshot(contact):
    values = {name: getattr(contact, name) for name in FIELD_LABELS}
    values["last_checked_on"] = values["last_checked_on"].isoformat() if values["last_checked_on"] else None
    values["liberation_day_every_year"] = "ja" if values["liberation_day_every_year"] else "nee"
    return values


def save_contact(actor, gemeente, data, seen_version=None):
    """Create or change the gemeente's way in; returns the audited changes.

    `seen_version` 0 means the form showed no row yet: a row someone made meanwhile is a conflict (StaleVersion).
    """
    if not actor.works_for(gemeente):
        raise RuleViolation([("name", _("U beheert de gemeente %(gemeente)s niet.", gemeente=gemeente))])
    with write_block():
        contact = contact_for(gemeente)
        if contact is None:
            contact, created = insert_unless_taken(lambda: _new_contact(gemeente, data), lambda: contact_for(gemeente))
            if not created:  # another beheerder made it at the same moment (PostgreSQL)
                raise StaleVersion(contact)
            action, before = CREATED, {}
        elif seen_version == 0:
            raise StaleVersion(contact)
        else:
            check_version(contact, seen_version)
            action, before = CHANGED, snapshot(contact)
            for name, value in asdict(data).items():
                setattr(contact, name, value)
            db.session.flush()
        after = snapshot(contact)
        changes = [{"field": name, "old": before.get(name), "new": value}
                   for name, value in after.items() if before.get(name) != value]
        if changes:
            db.session.add(GemeenteContactChange(user_id=actor.id, actor=actor.email, contact=contact,
                                                 action=action, changes=changes))
    return changes


def changes_of(contact):
    if contact is None:
        return []
    return db.session.scalars(select(GemeenteContactChange).where(GemeenteContactChange.contact_id == contact.id)
                              .order_by(GemeenteContactChange.at.desc())).all()
