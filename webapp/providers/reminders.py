"""Reminding providers: the daily timer mails the contact of each stale listing a signed link (at most one per
LISTING_REMINDER_EVERY_DAYS), and a beheerder can send the link by hand, for instance to a new provider."""
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _, lazy_gettext as _l
from sqlalchemy import or_, select

from webapp.database import write_block
from webapp.directory.models import Service
from webapp.email_address import valid_email
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.mail.services import queue_mail
from webapp.models_base import utcnow
from webapp.providers import tokens
from webapp.providers.models import ListingReminder
from webapp.site import absolute_url


@dataclass
class Outcome:
    sent: int = 0
    recently_reminded: int = 0
    without_address: int = 0


def link_days():
    return current_app.config["LISTING_LINK_DAYS"]


def contact_address(service):
    """Where a listing's reminder goes: its own e-mail address, else its organisation's; None when neither."""
    return service.email or (service.organization.email if service.organization else None)


def stale_services(today):
    """Listings on the kaart never checked, or not within LISTING_CHECK_AFTER_DAYS."""
    cutoff = today - timedelta(days=current_app.config["LISTING_CHECK_AFTER_DAYS"])
    return db.session.scalars(select(Service.id).where(Service.archived_at.is_(None)).where(
        or_(Service.last_checked_on.is_(None), Service.last_checked_on < cutoff)).order_by(Service.name)).all()


def remind_stale(now=None):
    """Mail every stale listing's contact, each in its own short transaction (one failure stops no other)."""
    now = now or utcnow()
    outcome = Outcome()
    for service_id in stale_services(now.date()):
        with write_block():
            service = db.session.get(Service, service_id, with_for_update=True)
            address = contact_address(service)
            if address is None:
                outcome.without_address += 1
            elif _reminded_since(service, now - timedelta(days=current_app.config["LISTING_REMINDER_EVERY_DAYS"])):
                outcome.recently_reminded += 1
            else:
                _send(service, address, now)
                outcome.sent += 1
    return outcome


def send_by_hand(actor, service, address):
    """A beheerder sends the link to `address` (a new provider, or a contact the listing does not hold yet)."""
    if not actor.works_for(service.gemeente):
        raise RuleViolation([("email", _("U beheert de gemeente %(gemeente)s niet.", gemeente=service.gemeente))])
    address = valid_email(address or "")
    if not address:
        raise RuleViolation([("email", _("Vul een e-mailadres in, zoals naam@voorbeeld.nl."))])
    with write_block():
        return _send(service, address, utcnow(), actor=actor)


def _reminded_since(service, since):
    return db.session.scalar(select(ListingReminder.id).where(ListingReminder.service_id == service.id)
                             .where(ListingReminder.sent_at >= since).limit(1)) is not None


def _send(service, address, now, actor=None):
    reminder = ListingReminder(service=service, to_address=address, sent_at=now, by_hand=actor is not None,
                               actor=actor.email if actor else None)
    db.session.add(reminder)
    db.session.flush()
    queue_mail(address, "providers/check_listing",
               subject=_l("Kloppen de gegevens van %(name)s nog?", name=service.name),
               service_name=service.name, link=absolute_url("providers.check", token=tokens.make_token(reminder)),
               page=absolute_url("directory.show", slug=service.slug), days=link_days(),
               gemeente=service.gemeente)
    return reminder
