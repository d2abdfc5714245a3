"""What comes back about a listing: a provider's confirmation (sets 'laatst gecontroleerd' at once), a provider's
correction or a visitor's remark (both wait in the beheer queue), and a beheerder accepting fields of it."""
from collections import namedtuple
from dataclasses import replace
from datetime import time

from flask_babel import gettext as _
from sqlalchemy import select, update

from webapp.database import StaleVersion, check_version, write_block
from webapp.directory import audit, maintenance
from webapp.directory.models import Service
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.models_base import utcnow
from webapp.providers.listing import FIELD_LABELS, current_values
from webapp.providers.models import HANDLED, OPEN, PROVIDER, VISITOR, ListingReminder, ListingSuggestion

# The audit log's actor for a provider who used the link: no account, the address the link was mailed to.
ProviderActor = namedtuple("ProviderActor", "id email")


def provider_actor(reminder):
    return ProviderActor(None, _("aanbieder via link: %(address)s", address=reminder.to_address)[:254])


def confirm(reminder, today=None):
    """'Alles klopt': the listing counts as checked today, in the audit log as the provider's."""
    with write_block():
        service = db.session.get(Service, reminder.service_id)
        before = audit.snapshot(service)
        service.last_checked_on = today or utcnow().date()
        db.session.flush()
        audit.record(provider_actor(reminder), service, audit.CHANGED, before, audit.snapshot(service))


def propose(reminder, values, note=None):
    """A provider's correction: the fields that differ from the listing now, into the queue. With nothing
    changed and no note it is a confirmation (returns None)."""
    service = reminder.service
    changes = diff(current_values(service), values)
    if not changes and not note:
        confirm(reminder)
        return None
    with write_block():
        return _queue(service, PROVIDER, changes, note, reminder.to_address, reminder_id=reminder.id)


def report(service, note, email=None):
    """'Klopt er iets niet?' from anyone: a remark about the listing, into the queue."""
    if not (note or "").strip():
        raise RuleViolation([("note", _("Schrijf wat er niet klopt."))])
    with write_block():
        return _queue(service, VISITOR, [], note.strip(), email)


def diff(before, after):
    """[{"field", "old", "new"}] for every field of `after` whose value differs (hours carry their slots)."""
    changes = []
    for name, value in after.items():
        new = value["text"] if name == "hours" and value is not None else value
        if name in FIELD_LABELS and (new or None) != (before.get(name) or None):
            change = {"field": name, "old": before.get(name), "new": new or None}
            if name == "hours":
                change["slots"] = value["slots"] if value else []
            changes.append(change)
    return changes


def accept(actor, suggestion, fields, seen_version=None):
    """Take over the chosen fields of a correction (none: only close it); one audited change of the listing.

    A provider's correction also counts as a check of the whole listing: 'laatst gecontroleerd' becomes the day
    it was sent. `seen_version` is the listing's version the beheerder's page showed (StaleVersion if it moved).
    """
    service = suggestion.service
    maintenance.check_gemeente(actor, service.gemeente)
    chosen = [change for change in suggestion.changes if change["field"] in set(fields)]
    data = _corrected(maintenance.current_data(service), chosen)
    if suggestion.source == PROVIDER:
        data = replace(data, last_checked_on=suggestion.created_at.date())
    slots = next((_slots(change["slots"]) for change in chosen if change["field"] == "hours"), None)
    changing = bool(chosen) or suggestion.source == PROVIDER
    found = maintenance.prepare(actor, service, data) if changing else None
    with write_block():
        if db.session.get(ListingSuggestion, suggestion.id).status != OPEN:
            raise StaleVersion(suggestion)
        check_version(service, seen_version)
        changes = maintenance.change_service(actor, service, data, found, slots=slots) if changing else []
        suggestion.status, suggestion.handled_at, suggestion.handled_by = HANDLED, utcnow(), actor.email
        suggestion.accepted = [change["field"] for change in chosen]
    return changes


def open_suggestions(gemeenten):
    """The queue of these gemeenten, oldest first."""
    return db.session.scalars(select(ListingSuggestion).join(Service).where(ListingSuggestion.status == OPEN)
                              .where(Service.gemeente.in_(list(gemeenten)))
                              .order_by(ListingSuggestion.created_at)).all()


def _queue(service, source, changes, note, email, reminder_id=None):
    suggestion = ListingSuggestion(service_id=service.id, source=source, changes=changes, note=note,
                                   contact_email=email, service_version=service.version, reminder_id=reminder_id)
    db.session.add(suggestion)
    return suggestion


def _corrected(data, chosen):
    values = {}
    for change in chosen:
        name, new = change["field"], change["new"]
        if name == "target_groups":
            values[name] = tuple(part.strip() for part in (new or "").split(",") if part.strip())
        elif name == "free_of_charge":
            values[name] = new or "onbekend"
        elif name != "hours":
            values[name] = new
    return replace(data, **values)


def _slots(rows):
    return [maintenance.Slot(day, time.fromisoformat(opens), time.fromisoformat(closes)) for day, opens, closes in rows]


def move_to_kept(kept, dropped):
    """directory.merging.services_merged: open queue items and the reminders' links follow the kept listing."""
    db.session.execute(update(ListingSuggestion).where(ListingSuggestion.service_id == dropped.id)
                       .where(ListingSuggestion.status == OPEN).values(service_id=kept.id))
    db.session.execute(update(ListingReminder).where(ListingReminder.service_id == dropped.id)
                       .values(service_id=kept.id))
