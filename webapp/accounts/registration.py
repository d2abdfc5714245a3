"""Registering, confirming the e-mail address, and a forgotten password.

Every answer is the same for a known and an unknown address: what differs goes by mail, to the owner.
"""
import re

from flask_babel import gettext as _, lazy_gettext as _l
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from webapp import ratelimit
from webapp.accounts import tokens
from webapp.accounts.models import INWONER, User
from webapp.accounts.services import MIN_PASSWORD, normalise_email
from webapp.database import write_block
from webapp.email_address import check_email
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.i18n.services import request_language
from webapp.mail import queue_mail
from webapp.models_base import utcnow
from webapp.site import absolute_url

POSTCODE = re.compile(r"^[1-9][0-9]{3} ?[A-Za-z]{2}$")


def register(email, password, display_name, postcode):
    """A new, unconfirmed inwoner account and a confirmation mail; a known address gets a warning mail.
    Past RATELIMIT_SIGNUP_MAIL per address nothing happens (nobody can flood someone's inbox through this form)."""
    email = check_email(email)
    # Every check and the (slow) password hash first, for known and unknown addresses alike: neither the
    # answer nor its speed may tell whether an address has an account. None of it holds the write lock.
    check_password(password)
    postcode = format_postcode(postcode)
    if not ratelimit.allowed("RATELIMIT_SIGNUP_MAIL", email):
        return  # someone keeps registering this address: no more mail to its owner, and the same answer
    password_hash = generate_password_hash(password)
    with write_block():
        existing = db.session.scalar(select(User).where(User.email == email))
        if existing is not None:
            queue_mail(email, "accounts/already_registered", subject=_l("Iemand probeerde een account te maken"),
                       user=existing, reset_url=absolute_url("accounts.forgot_password"),
                       language=request_language())
        else:
            user = User(email=email, password_hash=password_hash, role=INWONER,
                        display_name=display_name.strip(), postcode=postcode)
            db.session.add(user)
            db.session.flush()
            _send_confirmation(user)


def _send_confirmation(user):
    token = tokens.make_token("confirm-email", user)
    queue_mail(user.email, "accounts/confirm_email", subject=_l("Bevestig uw e-mailadres"), user=user,
               confirm_url=absolute_url("accounts.confirm_email", token=token),
               language=request_language())


def resend_confirmation(user):
    with write_block():
        _send_confirmation(user)


def confirm_email(token):
    with write_block():
        payload, user = tokens.read_user_token("confirm-email", token)
        tokens.use_token(payload)
        user.email_confirmed_at = user.email_confirmed_at or utcnow()
        user.email_bounced_at = None  # the mail with the link reached them
    return user


def request_password_reset(email):
    """A reset mail for an active account; past RATELIMIT_RESET_MAIL per address nothing is sent (and the
    answer stays the same, so it tells nobody whether the address has an account)."""
    if not ratelimit.allowed("RATELIMIT_RESET_MAIL", normalise_email(email)):
        return
    with write_block():
        user = db.session.scalar(select(User).where(User.email == normalise_email(email)))
        if user is not None and user.active:
            token = tokens.make_token("reset-password", user)
            queue_mail(user.email, "accounts/reset_password", subject=_l("Nieuw wachtwoord instellen"), user=user,
                       reset_url=absolute_url("accounts.reset_password", token=token),
                       language=request_language())


def reset_password(token, password):
    """A new password; every session of the account ends (the session version goes up)."""
    tokens.read_user_token("reset-password", token)  # a dead link is told before a weak password
    check_password(password)
    password_hash = generate_password_hash(password)  # slow: before the lock
    with write_block():
        payload, user = tokens.read_user_token("reset-password", token)
        tokens.use_token(payload)
        user.password_hash = password_hash
        user.session_version += 1
        user.email_confirmed_at = user.email_confirmed_at or utcnow()  # the mail reached them
        user.email_bounced_at = None
    # The owner proved it is them: earlier wrong passwords for this account no longer hold them back.
    ratelimit.clear("RATELIMIT_LOGIN_ACCOUNT", user.email)
    return user


def check_password(password):
    """Validation only: it never touches the caller's transaction."""
    if len(password or "") < MIN_PASSWORD:
        raise RuleViolation([("password", _("Kies een wachtwoord van minstens %(n)d tekens.", n=MIN_PASSWORD))])


def format_postcode(postcode):
    """'7941ab' -> '7941 AB'; RuleViolation for anything else."""
    text = (postcode or "").strip()
    if not POSTCODE.match(text):
        raise RuleViolation([("postcode", _("Vul een postcode in zoals 7941 AB."))])
    compact = text.replace(" ", "").upper()
    return f"{compact[:4]} {compact[4:]}"
