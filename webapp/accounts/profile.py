"""A resident's own account: change details, e-mail and password, download the data, delete the account."""
from blinker import Namespace
from flask_babel import gettext as _, lazy_gettext as _l
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from webapp.accounts import phone, tokens
from webapp.accounts.models import User
from webapp.accounts.registration import check_password, format_postcode
from webapp.database import check_version, write_block
from webapp.email_address import invalid_email_message, valid_email
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.i18n.services import request_language
from webapp.mail import queue_mail
from webapp.privacy.erasure import account_erasing
from webapp.site import absolute_url

signals = Namespace()
# Packages that hold a user's content connect to these. account_deleting (privacy.erasure.account_erasing, so
# that packages below accounts, mail, can connect too) is sent with the user inside the deletion's
# transaction, before the account goes: each receiver removes or anonymises what it holds of the person;
# account_exporting is sent for the data download, and each receiver returns a dict of its part.
account_deleting = account_erasing
account_exporting = signals.signal("account-exporting")


def update_details(user, display_name, postcode, seen_version=None, phone_number=None, share_contact=None):
    """Name, postcode, phone number (optional, any way people write it) and what a confirmed match shares."""
    postcode = format_postcode(postcode)
    number = phone.normalise(phone_number)
    share = phone.check_share(share_contact or user.share_contact, number, user.email)
    with write_block():
        check_version(user, seen_version)
        user.display_name = display_name.strip()
        user.postcode = postcode
        user.phone, user.share_contact = number, share


def change_password(user, current, new):
    """A new password; other sessions end (the caller logs this session in again)."""
    _check_current(user, current)
    check_password(new)
    password_hash = generate_password_hash(new)  # slow: before the lock
    with write_block():
        user.password_hash = password_hash
        user.session_version += 1


def request_email_change(user, new_email, password):
    """The new address gets a confirmation link; nothing changes until it is followed."""
    _check_current(user, password)
    new_email = valid_email(new_email)
    if new_email is None:
        raise RuleViolation([("email", invalid_email_message())])
    with write_block():
        if db.session.scalar(select(User.id).where(User.email == new_email)) is None:
            token = tokens.make_token("change-email", user, email=new_email)
            queue_mail(new_email, "accounts/change_email", subject=_l("Bevestig uw nieuwe e-mailadres"), user=user,
                       confirm_url=absolute_url("accounts.confirm_email_change", token=token),
                       language=request_language())
        # a taken address gets no mail: the answer on screen is the same


def confirm_email_change(token):
    with write_block():
        payload, user = tokens.read_user_token("change-email", token)
        taken = db.session.scalar(select(User.id).where(User.email == payload["email"]))
        if taken and taken != user.id:
            raise RuleViolation([("token", _("Dit e-mailadres kan niet meer worden gebruikt."))])
        tokens.use_token(payload)
        user.email = payload["email"]
        user.email_bounced_at = None  # the confirmation mail reached the new address
    return user


def delete_account(user, password):
    """Gone for good; what the user posted stays, without their name (account_deleting)."""
    _check_current(user, password)
    with write_block():
        account_deleting.send(user)
        db.session.delete(user)


def export_data(user):
    """Everything the user entered, for "download mijn gegevens"."""
    data = {
        "account": {"e-mail": user.email, "naam": user.display_name, "postcode": user.postcode,
                    "telefoon": user.phone, "delen na bevestiging": user.share_contact, "rol": user.role, "gemeenten": user.gemeenten,
                    "aangemaakt": user.created_at.isoformat() if user.created_at else None,
                    "e-mail bevestigd": user.email_confirmed_at.isoformat() if user.email_confirmed_at else None,
                    "geen extra mails": user.mail_opt_out},
    }
    for _receiver, part in account_exporting.send(user):
        data.update(part)
    return data


def _check_current(user, password):
    if not user.password_hash or not check_password_hash(user.password_hash, password or ""):
        raise RuleViolation([("password", _("Dit wachtwoord klopt niet."))])
