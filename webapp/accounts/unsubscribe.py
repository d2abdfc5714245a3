"""Opting out of the mails that are not strictly needed, by the signed link in such a mail."""
from flask import current_app
from itsdangerous import BadData, URLSafeTimedSerializer

from webapp.accounts.models import User
from webapp.database import write_block
from webapp.extensions import db
from webapp.site import absolute_url

UNSUBSCRIBE_SALT = "unsubscribe"
UNSUBSCRIBE_MAX_AGE = 365 * 24 * 3600  # a link in an old mail should still work


def _serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=UNSUBSCRIBE_SALT)


def unsubscribe_token(user_id):
    return _serializer().dumps(user_id)


def unsubscribe_url(user):
    """The one-click link for queue_mail(..., essential=False, unsubscribe_url=...)."""
    return absolute_url("accounts.unsubscribe", token=unsubscribe_token(user.id))


def read_unsubscribe_token(token):
    """The user id in an unsubscribe token, or None for a bad or old one."""
    try:
        return _serializer().loads(token, max_age=UNSUBSCRIBE_MAX_AGE)
    except BadData:
        return None


def opt_out(token):
    """Stop the mails that are not strictly needed for the user in the token; False for a bad or old token."""
    user_id = read_unsubscribe_token(token)
    if user_id is None:
        return False
    with write_block():
        user = db.session.get(User, user_id)
        if user is not None and not user.mail_opt_out:  # a deleted account gets no mail at all
            user.mail_opt_out = True
    return True
