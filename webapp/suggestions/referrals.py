"""A coördinator points the asker of a vraag to a voorziening; the asker sees it on 'Mijn voor elkaar'."""
from dataclasses import dataclass

from flask_babel import gettext as _, lazy_gettext as _l
from sqlalchemy import select

from webapp.accounts.acting import effective_user
from webapp.database import write_block
from webapp.directory.models import Service
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.mail import queue_mail
from webapp.matching.models import Referral
from webapp.posts.models import HelpRequest
from webapp.site import absolute_url

MAX_NOTE = 1000


@dataclass
class ReferralItem:
    referral: Referral
    vraag: HelpRequest


def refer(coordinator, vraag, service_id, note=None):
    """Store the referral and mail the asker the voorziening's name and page (intake accounts have no e-mail)."""
    with write_block():
        service = db.session.get(Service, (service_id or "")[:36])
        if service is None or service.archived_at is not None:
            _refuse("service_id", _("Kies een voorziening uit de lijst."))
        note = (note or "").strip() or None
        if note and len(note) > MAX_NOTE:
            _refuse("note", _("De toelichting mag hoogstens %(max)d tekens hebben.", max=MAX_NOTE))
        if db.session.scalar(select(Referral.id).where(Referral.request_id == vraag.id,
                                                       Referral.service_id == service.id)):
            # A double click (or a second coördinator) would mail the asker the same voorziening twice.
            _refuse("service_id", _("De hulpvrager is al gewezen op deze voorziening."))
        referral = Referral(request_id=vraag.id, service_id=service.id, coordinator_id=coordinator.id, note=note)
        db.session.add(referral)
        asker = vraag.author
        if asker is not None and asker.email:
            queue_mail(asker.email, "suggestions/referral", subject=_l("Een voorziening die past bij uw hulpvraag"),
                       user=asker, service_name=service.name, vraag_title=vraag.title, note=note,
                       service_url=absolute_url("directory.show", slug=service.slug))
    return referral


def _refuse(field, message):
    """Say why in Dutch; write_block() ends the transaction (no lock held while the page renders)."""
    raise RuleViolation([(field, message)])


def my_referrals(user=None):
    """The voorzieningen coördinatoren pointed this user to (about the user's own vragen), newest first.

    Without `user`: the resident the pages are about (a coördinator may act for one), see accounts.acting.
    """
    user = user or effective_user()
    if not getattr(user, "is_authenticated", False):
        return []
    rows = db.session.execute(
        select(Referral, HelpRequest)
        .join(HelpRequest, Referral.request_id == HelpRequest.id)
        .join(Service, Referral.service_id == Service.id)
        .where(HelpRequest.author_id == user.id, Service.archived_at.is_(None))
        .order_by(Referral.created_at.desc())
    ).all()
    return [ReferralItem(referral, vraag) for referral, vraag in rows]
