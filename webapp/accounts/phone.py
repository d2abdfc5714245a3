"""Phone numbers of accounts: checked with the phonenumbers library, stored in E.164, shown the Dutch way.

What a confirmed match shares of an account (phone, e-mail or both) is `users.share_contact`.
"""
import phonenumbers
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from webapp.errors import RuleViolation

SHARE_PHONE, SHARE_EMAIL, SHARE_BOTH = "telefoon", "e-mail", "beide"
SHARE_CHOICES = {SHARE_BOTH: _l("Mijn telefoonnummer en mijn e-mailadres"),
                 SHARE_PHONE: _l("Alleen mijn telefoonnummer"), SHARE_EMAIL: _l("Alleen mijn e-mailadres")}


def normalise(text, field="phone"):
    """'0522 - 12 34 56' -> '+31522123456'; empty -> None; anything that is no phone number: a Dutch RuleViolation."""
    text = (text or "").replace("\x00", "").strip()
    if not text:
        return None
    try:
        number = phonenumbers.parse(text, "NL")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise RuleViolation([(field, _("Vul een telefoonnummer in, zoals 0522 123 456 of 06 12345678."))])
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display(stored):
    """A stored number as people in the Netherlands write it: '0522 123 456', abroad '+32 470 12 34 56'.
    A value that is no valid number (typed before numbers were checked) is shown as it was typed."""
    if not stored:
        return stored
    try:
        number = phonenumbers.parse(stored, "NL")
    except phonenumbers.NumberParseException:
        return stored
    if not phonenumbers.is_valid_number(number):
        return stored
    style = (phonenumbers.PhoneNumberFormat.NATIONAL if number.country_code == 31
             else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(number, style)


def check_share(share, phone, email):
    """The choice of what a confirmed match shares must leave something to share."""
    if share not in SHARE_CHOICES:
        raise RuleViolation([("share_contact", _("Kies wat een helper of vrager van u krijgt."))])
    if share == SHARE_PHONE and not phone:
        raise RuleViolation([("share_contact", _("Vul eerst een telefoonnummer in, of kies ook uw e-mailadres."))])
    if share == SHARE_EMAIL and not email:
        raise RuleViolation([("share_contact", _("U heeft geen e-mailadres. Kies uw telefoonnummer."))])
    return share


def shared(user):
    """(phone, email) that a confirmed match gives out of this account, by its owner's choice.
    When the chosen way is missing (an intake account has no e-mail), the other one is given."""
    share = user.share_contact or SHARE_BOTH
    phone = user.phone if share in (SHARE_PHONE, SHARE_BOTH) or not user.email else None
    email = user.email if share in (SHARE_EMAIL, SHARE_BOTH) or not user.phone else None
    return phone, email
