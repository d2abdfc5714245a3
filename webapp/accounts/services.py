"""Creating accounts and checking passwords: the rules, without any request code."""
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select, update
from werkzeug.security import check_password_hash, generate_password_hash

from webapp.accounts.models import ROLES, User, UserGemeente
from webapp.database import write_block
from webapp.email_address import invalid_email_message, normalise_email, valid_email
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.models_base import utcnow

MIN_PASSWORD = 10
# Checked when the e-mail address is unknown, so a wrong address takes as long as a wrong password.
_DUMMY_HASH = generate_password_hash("buurtkaart-dummy-password")


def create_account(email, password, role, gemeenten, display_name=None):
    """A new account with a scrypt password hash; RuleViolation for a taken address or a weak password."""
    email = valid_email(email)
    problems = []
    if email is None:
        problems.append(("email", invalid_email_message()))
    if len(password or "") < MIN_PASSWORD:
        problems.append(("password", _("Kies een wachtwoord van minstens %(n)d tekens.", n=MIN_PASSWORD)))
    if role not in ROLES:
        problems.append(("role", _("Onbekende rol.")))
    if problems:
        raise RuleViolation(problems)
    password_hash = generate_password_hash(password)  # slow: before the lock
    with write_block():
        if db.session.scalar(select(User.id).where(User.email == email)):
            raise RuleViolation([("email", _("Er is al een account met dit e-mailadres."))])
        # Made by a beheerder at the command line: the address counts as confirmed.
        user = User(email=email, password_hash=password_hash, role=role, email_confirmed_at=utcnow(),
                    display_name=display_name or email.split("@")[0],
                    gemeente_links=[UserGemeente(gemeente=name) for name in dict.fromkeys(gemeenten)])
        db.session.add(user)
    return user


def mark_bounced(session, address):
    """Receiver of mail.outbox.address_refused: the account's page will say its mails do not arrive."""
    session.execute(update(User).where(User.email == address, User.email_bounced_at.is_(None))
                    .values(email_bounced_at=utcnow()).execution_options(synchronize_session=False))


def authenticate(email, password):
    """The active user with this e-mail address and password, else None (the same way for every failure)."""
    user = db.session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None or not user.password_hash:
        check_password_hash(_DUMMY_HASH, password or "")
        return None
    if not check_password_hash(user.password_hash, password or "") or not user.active:
        return None
    if user.is_example and not current_app.config["DEMO"]:
        return None  # a demo's example account, on a site that is no longer a demo
    return user


def load_user(session_id):
    """Flask-Login's loader: the id holds the session version, so an old session stops working."""
    user_id, _sep, version = (session_id or "").partition(":")
    user = db.session.get(User, user_id) if user_id else None
    if user is None or str(user.session_version) != version or not user.active:
        return None
    return user
