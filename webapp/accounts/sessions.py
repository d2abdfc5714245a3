"""When a login session ends: at logout (everywhere: a copied cookie is worth nothing after it), after a password
change or reset, and after a time without any request (8 hours for coördinatoren and beheerders, 30 days for
residents). The session cookie is signed, so its "last seen" time cannot be moved by the visitor."""
from datetime import timedelta

from flask import current_app, flash, session
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from webapp.accounts.models import COORDINATOR
from webapp.database import write_block
from webapp.models_base import utcnow

LAST_SEEN = "_last_seen"  # session key: epoch seconds of the session's last request
TOUCH_AFTER = timedelta(minutes=1)  # rewrite the cookie at most this often, not on every request


def start(user):
    """Log this browser in as `user` (a fresh session: nothing of an earlier visitor's carries over)."""
    session.clear()
    login_user(user)
    session.permanent = True  # the cookie outlives the browser (PERMANENT_SESSION_LIFETIME); idle time ends it
    session[LAST_SEEN] = utcnow().timestamp()


def end_everywhere(user):
    """Log out this browser and every other session of the account (a copied cookie included)."""
    with write_block():
        user.session_version += 1
    logout_user()
    session.clear()


def idle_timeout(user):
    config = current_app.config
    return config["STAFF_IDLE_TIMEOUT"] if user.has_role(COORDINATOR) else config["RESIDENT_IDLE_TIMEOUT"]


def end_idle_session():
    """Before each request: a logged-in session unused for longer than its role allows is logged out."""
    if not current_user.is_authenticated:
        return
    now = utcnow().timestamp()
    seen = session.get(LAST_SEEN)
    if not isinstance(seen, (int, float)) or now - seen > idle_timeout(current_user).total_seconds():
        logout_user()
        session.clear()
        flash(_("U was een tijd niet actief. Log opnieuw in om verder te gaan."), "info")
    elif now - seen > TOUCH_AFTER.total_seconds():
        session[LAST_SEEN] = now
