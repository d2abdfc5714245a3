"""Two listings of one voorziening become one: the kept one takes what only the other knew, the other is archived
with its history, and its address (slug) leads to the kept one from then on.

Which pairs are likely the same comes from duplicates.likely_duplicates (one matcher for the whole site).
"""
import re
from dataclasses import replace
from datetime import datetime

from blinker import Namespace
from flask_babel import gettext as _
from sqlalchemy import DateTime, ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.database import check_version, write_block
from webapp.directory import audit, maintenance, translations
from webapp.directory.duplicates import likely_duplicates
from webapp.directory.models import Service
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.models_base import utcnow, uuid_pk

# Sent inside the merge's transaction with (kept, dropped): packages with rows about a voorziening move them.
signals = Namespace()
services_merged = signals.signal("services-merged")
FILLED = ("summary", "description", "phone", "email", "website", "languages", "cost_note", "organization_name",
          "location_name", "address", "postcode", "woonplaats")
MAX_HOPS = 5  # a merged listing merged again: follow the chain this far


class ServiceMerge(db.Model):
    """One merge: the dropped listing (archived, kept with its audit log) and the slug that now leads to the kept."""

    __tablename__ = "service_merges"

    id: Mapped[str] = uuid_pk()
    kept_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), index=True)
    dropped_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), unique=True)
    dropped_slug: Mapped[str] = mapped_column(String(200), unique=True)
    merged_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(254))

    kept = relationship("Service", foreign_keys=[kept_id])
    dropped = relationship("Service", foreign_keys=[dropped_id])


class DistinctPair(db.Model):
    """Two listings a beheerder said are not the same ("geen dubbel"): "mogelijk dubbel" no longer lists them."""

    __tablename__ = "distinct_pairs"

    first_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), primary_key=True)
    second_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), primary_key=True)
    marked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(254))


def mark_distinct(actor, first, second):
    """'Geen dubbel': the pair leaves the list for good (idempotent)."""
    _check(actor, first, second)
    low, high = sorted((first.id, second.id))
    with write_block():
        if db.session.get(DistinctPair, (low, high)) is None:
            db.session.add(DistinctPair(first_id=low, second_id=high, actor=actor.email))


def plan(keep, drop):
    """What the kept listing takes over: {field: value} of the fields only the dropped one fills, and whether
    the dropped one's hours come along (the kept one has none)."""
    kept, other = maintenance.current_data(keep), maintenance.current_data(drop)
    fields = {name: getattr(other, name) for name in FILLED if not getattr(kept, name) and getattr(other, name)}
    return fields, bool(drop.schedules or drop.schedule_exceptions) and not (keep.schedules or keep.schedule_exceptions)


def merge(actor, keep, drop, seen_versions=(None, None)):
    """Merge `drop` into `keep` (both of the actor's gemeenten, both on the kaart); one transaction, audited on both."""
    _check(actor, keep, drop)
    fields, hours = plan(keep, drop)
    kept = maintenance.current_data(keep)
    data = replace(kept, **fields, themes=tuple(sorted({*kept.themes, *(t.slug for t in drop.themes)})),
                   target_groups=tuple(sorted({*kept.target_groups, *(g.name for g in drop.target_groups)})))
    found = maintenance.prepare(actor, keep, data)
    with write_block():
        check_version(keep, seen_versions[0])
        check_version(drop, seen_versions[1])
        maintenance.change_service(actor, keep, data, found, action=audit.MERGED,
                                   slots=drop.schedules if hours else None,
                                   exceptions=drop.schedule_exceptions if hours else None)
        drop_before = audit.snapshot(drop)
        drop.archived_at = utcnow()
        db.session.flush()
        audit.record(actor, drop, audit.MERGED, drop_before, audit.snapshot(drop))
        translations.take_over(actor, keep, drop)
        db.session.add(ServiceMerge(kept_id=keep.id, dropped_id=drop.id, dropped_slug=drop.slug, actor=actor.email))
        services_merged.send(keep, dropped=drop)


def kept_for_slug(slug):
    """The listing on the kaart that a merged listing's slug now leads to, or None."""
    for _hop in range(MAX_HOPS):
        merge_row = db.session.scalar(select(ServiceMerge).where(ServiceMerge.dropped_slug == slug))
        if merge_row is None:
            return None
        if merge_row.kept.archived_at is None:
            return merge_row.kept
        slug = merge_row.kept.slug
    return None


def merged_ids(service):
    """The ids of the listings merged into this one (also through earlier merges): their audit logs are its too."""
    found, todo = [], [service.id]
    while todo and len(found) < 100:
        ids = db.session.scalars(select(ServiceMerge.dropped_id).where(ServiceMerge.kept_id.in_(todo))).all()
        found += ids
        todo = ids
    return found


def twins_of(data, among=None):
    """The listings on the kaart (or `among`) a new one (ServiceData) may duplicate: a similar name in its place
    (likely_duplicates), or the same phone number, e-mail address or website in its gemeente."""
    found = likely_duplicates(data.name, data.woonplaats or data.gemeente, among=among)
    keys = contact_keys(data.phone, data.email, data.website)
    if keys:
        nearby = among if among is not None else db.session.scalars(
            select(Service).where(Service.archived_at.is_(None)).order_by(Service.name)).all()
        found += [service for service in nearby if service.gemeente == data.gemeente and service not in found
                  and keys & contact_keys(service.phone, service.email, service.website)]
    return found


def contact_keys(phone, email, website):
    """What identifies a contact whatever its spelling: the phone's last 9 digits, the e-mail address, the web
    address without scheme, www and trailing slash."""
    keys = set()
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) >= 9:
        keys.add(("phone", digits[-9:]))
    if email and email.strip():
        keys.add(("email", email.strip().casefold()))
    site = re.sub(r"^(https?://)?(www\.)?", "", (website or "").strip().casefold()).rstrip("/")
    if site:
        keys.add(("website", site))
    return keys


def likely_pairs(gemeenten):
    """[(a, b)] of listings on the kaart in these gemeenten that are likely the same, each pair once, by name."""
    services = db.session.scalars(select(Service).where(Service.archived_at.is_(None))
                                  .where(Service.gemeente.in_(list(gemeenten)))
                                  .order_by(Service.name, Service.id)).all()
    distinct = set(db.session.execute(select(DistinctPair.first_id, DistinctPair.second_id)).tuples())
    pairs = {}
    for service in services:
        place = service.location.woonplaats if service.location and service.location.woonplaats else service.gemeente
        for other in likely_duplicates(service.name, place, among=services):
            key = tuple(sorted((service.id, other.id)))
            if other.id != service.id and key not in distinct:
                pairs.setdefault(key, (service, other))
    return sorted(pairs.values(), key=lambda pair: (pair[0].name.casefold(), pair[1].name.casefold()))


def _check(actor, keep, drop):
    for service in (keep, drop):
        maintenance.check_gemeente(actor, service.gemeente)
    if keep.id == drop.id:
        raise RuleViolation([("drop", _("Kies twee verschillende voorzieningen."))])
    if keep.archived_at is not None or drop.archived_at is not None:
        raise RuleViolation([("drop", _("Alleen voorzieningen die op de kaart staan, kunnen samengaan."))])
