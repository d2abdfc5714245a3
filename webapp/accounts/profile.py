"""A resident's own account: change details, e-mail and password, download the data, delete the account."""
from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from webapp.accounts import tokens
from webapp.accounts.models import User
from webapp.accounts.registration import check_password, format_postcode
from webapp.accounts.services import invalid_email_message, valid_email
from webapp.database import begin_write
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.mail import queue_mail

# Packages that hold a user's content (voor elkaar posts) register here: called before an account is deleted,
# so the content is anonymised rather than lost, and for the data download.
DELETION_HOOKS = []
EXPORT_HOOKS = []


def update_details(user, display_name, postcode):
    begin_write(db.session)
    user.display_name = display_name.strip()
    user.postcode = format_postcode(postcode)
    db.session.commit()


def change_password(user, current, new):
    """A new password; other sessions end (the caller logs this session in again)."""
    begin_write(db.session)
    _check_current(user, current)
    check_password(new)
    user.password_hash = generate_password_hash(new)
    user.session_version += 1
    db.session.commit()


def request_email_change(user, new_email, password):
    """The new address gets a confirmation link; nothing changes until it is followed."""
    begin_write(db.session)
    _check_current(user, password)
    new_email = valid_email(new_email)
    if new_email is None:
        db.session.rollback()
        raise RuleViolation([("email", invalid_email_message())])
    if db.session.scalar(select(User.id).where(User.email == new_email)) is None:
        token = tokens.make_token("change-email", user, email=new_email)
        queue_mail(new_email, "accounts/change_email", subject=_("Bevestig uw nieuwe e-mailadres"), user=user,
                   confirm_url=url_for("accounts.confirm_email_change", token=token, _external=True))
    db.session.commit()  # a taken address gets no mail: the answer on screen is the same


def confirm_email_change(token):
    begin_write(db.session)
    payload, user = tokens.read_user_token("change-email", token)
    taken = db.session.scalar(select(User.id).where(User.email == payload["email"]))
    if taken and taken != user.id:
        db.session.rollback()
        raise RuleViolation([("token", _("Dit e-mailadres kan niet meer worden gebruikt."))])
    tokens.use_token(payload)
    user.email = payload["email"]
    user.email_bounced_at = None  # the confirmation mail reached the new address
    db.session.commit()
    return user


def delete_account(user, password):
    """Gone for good; what the user posted stays, without their name (DELETION_HOOKS)."""
    begin_write(db.session)
    _check_current(user, password)
    for hook in DELETION_HOOKS:
        hook(user)
    db.session.delete(user)
    db.session.commit()


def export_data(user):
    """Everything the user entered, for "download mijn gegevens"."""
    data = {
        "account": {"e-mail": user.email, "naam": user.display_name, "postcode": user.postcode,
                    "telefoon": user.phone, "rol": user.role, "gemeenten": user.gemeenten,
                    "aangemaakt": user.created_at.isoformat() if user.created_at else None,
                    "e-mail bevestigd": user.email_confirmed_at.isoformat() if user.email_confirmed_at else None,
                    "geen extra mails": user.mail_opt_out},
    }
    for hook in EXPORT_HOOKS:
        data.update(hook(user))
    return data


def _check_current(user, password):
    if not user.password_hash or not check_password_hash(user.password_hash, password or ""):
        db.session.rollback()
        raise RuleViolation([("password", _("Dit wachtwoord klopt niet."))])
