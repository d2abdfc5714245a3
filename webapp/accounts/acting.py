"""Acting for a resident: the coördinator's session says for whom, every page shows it."""
from flask import session
from flask_login import current_user

from webapp.accounts.intake import may_act_for
from webapp.accounts.models import User
from webapp.extensions import db

KEY = "acting_for"


def start(resident):
    session[KEY] = resident.id


def stop():
    session.pop(KEY, None)


def acting_for():
    """The resident the logged-in coördinator acts for, or None."""
    resident_id = session.get(KEY)
    if not resident_id or not current_user.is_authenticated or not current_user.has_role("coordinator"):
        return None
    resident = db.session.get(User, resident_id)
    return resident if may_act_for(current_user, resident) else None


def effective_user():
    """Whose account the pages are about: the resident acted for, else the logged-in user."""
    return acting_for() or current_user._get_current_object()
