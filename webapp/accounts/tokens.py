"""Signed links in mails: they expire, and each works once (its id is stored when used)."""
import hashlib
import uuid
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from webapp.accounts.models import UsedToken, User
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.models_base import utcnow

LIFETIMES = {
    "confirm-email": timedelta(hours=48),
    "change-email": timedelta(hours=48),
    "reset-password": timedelta(hours=1),
}


def _serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"])


def password_stamp(user):
    """A short digest of the password hash and the address: a new password or a new address voids every older
    link (a logout does not)."""
    return hashlib.sha256(f"{user.password_hash or ''}|{user.email or ''}".encode()).hexdigest()[:16]


def make_token(purpose, user, **extra):
    payload = {"user": user.id, "id": str(uuid.uuid4()), "stamp": password_stamp(user), **extra}
    return _serializer().dumps(payload, salt=purpose)


def read_token(purpose, token):
    """The token's content; RuleViolation when it is expired, tampered with or already used."""
    try:
        payload = _serializer().loads(token, salt=purpose, max_age=int(LIFETIMES[purpose].total_seconds()))
    except SignatureExpired:
        raise RuleViolation([("token", _("Deze link is verlopen. Vraag een nieuwe aan."))]) from None
    except BadSignature:
        raise RuleViolation([("token", _("Deze link klopt niet. Kopieer de hele link uit de mail."))]) from None
    if db.session.get(UsedToken, payload["id"]) is not None:
        raise RuleViolation([("token", _("Deze link is al gebruikt."))])
    return payload


def read_user_token(purpose, token):
    """(payload, user) for a valid link of a user who still exists and whose password did not change since."""
    payload = read_token(purpose, token)
    user = db.session.get(User, payload["user"])
    if user is None or not user.active or payload.get("stamp") != password_stamp(user):
        raise RuleViolation([("token", _("Deze link werkt niet meer. Vraag een nieuwe aan."))])
    return payload, user


def use_token(payload):
    """Mark the link as used, in the caller's transaction."""
    db.session.add(UsedToken(token_id=payload["id"], used_at=utcnow()))


def problem_page(violation):
    """The Dutch page for a link that does not work (expired, used, tampered with): status 400."""
    from flask import render_template
    return render_template("accounts/token_problem.html", message=violation.reasons[0][1]), 400
