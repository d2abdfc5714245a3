"""The rules a post must follow before it is stored: dates, choices, contact details, travel distance.

Each check returns (field, Dutch message) pairs so the form can show every problem at once.
"""
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from flask_babel import gettext as _

from webapp.email_address import invalid_email_message, valid_email
from webapp.posts.vocab import (CATEGORIES, CONTACT_MINE, CONTACT_THEIRS, MAX_TRAVEL_KM, RELATIONS, REQUEST, SLOTS,
                                WHEN_DATE, WHEN_LABELS, WHEN_PERIOD)

PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{8,18}[0-9]$")
LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")


def today():
    """The date in the Netherlands (the server may run in UTC)."""
    return datetime.now(LOCAL_ZONE).date()


def check(data, post=None, on=None):
    """Every broken rule of `data` (a RequestData or OfferData); `post` is the stored version when editing."""
    reasons = [("title", _("Vul een titel in."))] if not data.title.strip() else []
    if data.kind == REQUEST:
        return reasons + _check_request(data, post, on or today())
    return reasons + _check_offer(data)


def _check_request(data, post, on):
    reasons = []
    if data.category not in CATEGORIES:
        reasons.append(("category", _("Kies een onderwerp uit de lijst.")))
    if data.when_kind not in WHEN_LABELS:
        reasons.append(("when_kind", _("Kies wanneer u hulp nodig heeft.")))
    reasons += _check_dates(data, post, on)
    if data.for_other:
        reasons += _check_behalf(data)
    return reasons


def _check_dates(data, post, on):
    if data.when_kind not in (WHEN_DATE, WHEN_PERIOD):
        return []
    reasons = []
    if data.date_from is None:
        reasons.append(("date_from", _("Vul een datum in.")))
    elif data.date_from < on and not (post and post.date_from == data.date_from and data.when_kind == WHEN_PERIOD):
        # A period that already started may keep its start date when the post is edited.
        reasons.append(("date_from", _("Deze datum is al voorbij. Kies vandaag of later.")))
    if data.when_kind == WHEN_PERIOD:
        if data.date_until is None:
            reasons.append(("date_until", _("Vul in tot wanneer.")))
        elif data.date_until < on:
            reasons.append(("date_until", _("Deze datum is al voorbij. Kies vandaag of later.")))
        elif data.date_from and data.date_until < data.date_from:
            reasons.append(("date_until", _("De einddatum ligt voor de begindatum.")))
    return reasons


def _check_behalf(data):
    reasons = []
    if not data.behalf_name:
        reasons.append(("behalf_name", _("Vul de naam in van degene die u helpt.")))
    if data.consent_at is None:
        reasons.append(("consent", _("Vraag eerst of deze persoon het goed vindt dat u deze hulpvraag plaatst. "
                                     "Zonder die toestemming kunt u de vraag niet versturen.")))
    if data.behalf_relation not in RELATIONS:
        reasons.append(("behalf_relation", _("Kies wie u bent voor deze persoon.")))
    if data.contact_choice not in (CONTACT_MINE, CONTACT_THEIRS):
        reasons.append(("contact_choice", _("Kies wiens gegevens de helper krijgt.")))
    elif data.contact_choice == CONTACT_THEIRS:
        if not data.contact_name:
            reasons.append(("contact_name", _("Vul de naam in voor het contact.")))
        if not data.contact_phone and not data.contact_email:
            reasons.append(("contact_phone", _("Vul een telefoonnummer of e-mailadres in.")))
    if data.contact_phone and not PHONE.match(data.contact_phone):
        reasons.append(("contact_phone", _("Vul een telefoonnummer in, zoals 0522 123 456.")))
    if data.contact_email and valid_email(data.contact_email) is None:
        reasons.append(("contact_email", invalid_email_message()))
    return reasons


def _check_offer(data):
    reasons = []
    if not data.categories or any(slug not in CATEGORIES for slug in data.categories):
        reasons.append(("categories", _("Kies een of meer onderwerpen uit de lijst.")))
    if any(slot not in SLOTS for slot in data.availability):
        reasons.append(("availability", _("Kies dagdelen uit het rooster.")))
    elif not data.availability:
        reasons.append(("availability", _("Kies minstens één dagdeel waarop u kunt helpen.")))
    if data.travel_km is None or not 1 <= data.travel_km <= MAX_TRAVEL_KM:
        reasons.append(("travel_km", _("Kies een afstand van 1 tot %(max)d km.", max=MAX_TRAVEL_KM)))
    return reasons
