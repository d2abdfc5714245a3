"""Creating accounts and checking passwords: the rules, without any request code."""
from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from flask_babel import gettext as _

from webapp.accounts.models import ROLES, User, UserGemeente
from webapp.database import begin_write
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.models_base import utcnow

MIN_PASSWORD = 10
# Checked when the e-mail address is unknown, so a wrong address takes as long as a wrong password.
_DUMMY_HASH = generate_password_hash("buurtkaart-dummy-password")


def normalise_email(email):
    return (email or "").strip().lower()


def invalid_email_message():
    return _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")


def valid_email(email):
    """The address in the form we store and mail to (trimmed, lower case, the domain in ASCII), or None.

    The one check for every address the site accepts: syntax only, no DNS or network. Not accepted: 'NULL',
    'a@b', spaces, and non-ASCII before the @ (our mail server cannot be assumed to speak SMTPUTF8).
    """
    email = normalise_email(email)
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


def create_account(email, password, role, gemeenten, display_name=None):
    """A new account with a scrypt password hash; RuleViolation for a taken address or a weak password."""
    begin_write(db.session)
    email = valid_email(email)
    problems = []
    if email is None:
        problems.append(("email", invalid_email_message()))
    elif db.session.scalar(select(User.id).where(User.email == email)):
        problems.append(("email", _("Er is al een account met dit e-mailadres.")))
    if len(password or "") < MIN_PASSWORD:
        problems.append(("password", _("Kies een wachtwoord van minstens %(n)d tekens.", n=MIN_PASSWORD)))
    if role not in ROLES:
        problems.append(("role", _("Onbekende rol.")))
    if problems:
        db.session.rollback()
        raise RuleViolation(problems)
    # Made by a beheerder at the command line: the address counts as confirmed.
    user = User(email=email, password_hash=generate_password_hash(password), role=role, email_confirmed_at=utcnow(),
                display_name=display_name or email.split("@")[0],
                gemeente_links=[UserGemeente(gemeente=name) for name in dict.fromkeys(gemeenten)])
    db.session.add(user)
    db.session.commit()
    return user


def authenticate(email, password):
    """The active user with this e-mail address and password, else None (the same way for every failure)."""
    user = db.session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None or not user.password_hash:
        check_password_hash(_DUMMY_HASH, password or "")
        return None
    if not check_password_hash(user.password_hash, password or "") or not user.active:
        return None
    return user


def load_user(session_id):
    """Flask-Login's loader: the id holds the session version, so an old session stops working."""
    user_id, _sep, version = (session_id or "").partition(":")
    user = db.session.get(User, user_id) if user_id else None
    if user is None or str(user.session_version) != version or not user.active:
        return None
    return user
