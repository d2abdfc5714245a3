"""The one check for every e-mail address the site accepts: syntax only (email-validator), never DNS or network."""
from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _

from webapp.errors import RuleViolation


def normalise_email(email):
    """The one spelling of an address for storing, looking up and counting: valid_email's, or (for something
    that is no valid address, which then matches nothing) trimmed and lower case."""
    return valid_email(email) or _trimmed(email)


def _trimmed(email):
    return (email or "").strip().lower()


def invalid_email_message():
    return _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")


def valid_email(email):
    """The address in the form we store and mail to (trimmed, lower case, the domain in ASCII), or None.

    Not accepted: 'NULL', 'a@b', spaces, and non-ASCII before the @ (our mail server cannot be assumed to speak
    SMTPUTF8).
    """
    email = _trimmed(email)
    if not email or len(email) > 254:
        return None
    try:
        checked = validate_email(email, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError:
        return None
    return checked.ascii_email.lower()


def check_email(email, field="email"):
    """valid_email(), or a RuleViolation with the Dutch message at `field`."""
    checked = valid_email(email)
    if checked is None:
        raise RuleViolation([(field, invalid_email_message())])
    return checked
