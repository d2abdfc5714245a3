"""A coördinator makes an account for a resident without e-mail (an intake by phone) and acts for them."""
from flask_babel import gettext as _

from webapp.accounts.models import INWONER, User, UserGemeente
from webapp.accounts.phone import SHARE_PHONE, normalise
from webapp.accounts.registration import format_postcode
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.submissions import create_once


def create_intake_account(coordinator, display_name, postcode, phone, gemeente, submission=None):
    """An account without e-mail; the same form submission twice makes one (webapp.submissions)."""
    if not coordinator.works_for(gemeente):
        raise RuleViolation([("gemeente", _("U werkt niet voor de gemeente %(gemeente)s.", gemeente=gemeente))])
    postcode = format_postcode(postcode)
    number = normalise(phone)

    def create():
        user = User(email=None, password_hash=None, role=INWONER, display_name=display_name.strip(),
                    postcode=postcode, phone=number, share_contact=SHARE_PHONE, created_by_id=coordinator.id,
                    gemeente_links=[UserGemeente(gemeente=gemeente)])
        db.session.add(user)
        return user
    return create_once(submission, User, create)


def may_act_for(coordinator, resident):
    """Only for intake accounts (no e-mail of their own) in one of the coördinator's gemeenten."""
    return (resident is not None and resident.role == INWONER and resident.email is None
            and any(coordinator.works_for(gemeente) for gemeente in resident.gemeenten))
