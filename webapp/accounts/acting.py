"""Acting for a resident: the coördinator's session says for whom, every page shows it."""
from flask import session
from flask_login import current_user

from webapp.accounts.intake import may_act_for
from sqlalchemy import select

from webapp.accounts.models import ActedFor, User
from webapp.database import insert_unless_taken, write_block
from webapp.extensions import db
from webapp.models_base import utcnow

KEY = "acting_for"


def start(resident):
    """Act for `resident` from now on; remembered for good (ActedFor), so four eyes can be kept."""
    session[KEY] = resident.id
    coordinator = current_user._get_current_object()
    key = (coordinator.id, resident.id)

    def add():
        row = ActedFor(coordinator_id=coordinator.id, user_id=resident.id, first_at=utcnow())
        db.session.add(row)
        return row
    with write_block():
        if db.session.get(ActedFor, key) is None:
            insert_unless_taken(add, lambda: db.session.get(ActedFor, key))  # two tabs at once: one row


def has_acted_for(coordinator, *people):
    """Did this coördinator ever act for any of `people` (accounts or None)? Then they are not the second pair of eyes."""
    ids = [person.id for person in people if person is not None]
    if coordinator is None or not ids:
        return False
    return db.session.scalar(select(ActedFor.user_id).where(
        ActedFor.coordinator_id == coordinator.id, ActedFor.user_id.in_(ids)).limit(1)) is not None


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
