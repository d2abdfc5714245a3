"""The signed link in a reminder: it names the reminder (so the voorziening and the address it went to) and works
for LISTING_LINK_DAYS, as often as needed in that time (confirm today, correct tomorrow)."""
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.providers.models import ListingReminder

SALT = "listing-check"


def link_lifetime():
    return timedelta(days=current_app.config["LISTING_LINK_DAYS"])


def make_token(reminder):
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"]).dumps({"reminder": reminder.id}, salt=SALT)


def read_token(token):
    """The reminder of a valid link whose voorziening is still on the kaart; RuleViolation otherwise."""
    serializer = URLSafeTimedSerializer(current_app.config["SECRET_KEY"])
    try:
        payload = serializer.loads(token, salt=SALT, max_age=int(link_lifetime().total_seconds()))
    except SignatureExpired:
        raise RuleViolation([("token", _("Deze link is verlopen. Vraag de gemeente om een nieuwe."))]) from None
    except BadSignature:
        raise RuleViolation([("token", _("Deze link klopt niet. Kopieer de hele link uit de mail."))]) from None
    reminder = db.session.get(ListingReminder, str(payload.get("reminder")))
    if reminder is None or reminder.service is None or reminder.service.archived_at is not None:
        raise RuleViolation([("token", _("Deze voorziening staat niet meer op de kaart."))])
    return reminder
