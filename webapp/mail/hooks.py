"""After a commit that queued mail, try to send it at once; the commit itself never fails because of mail."""
import logging

from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

from webapp.mail.outbox import send_pending
from webapp.mail.services import QUEUED

log = logging.getLogger(__name__)


def register():
    if not event.contains(Session, "after_commit", _send_after_commit):
        event.listen(Session, "after_commit", _send_after_commit)
        event.listen(Session, "after_rollback", _forget)


def _send_after_commit(session):
    ids = session.info.pop(QUEUED, None)
    if not ids:
        return
    try:
        # Only this transaction's mails, on a session of its own: the request waits for one SMTP timeout at
        # most. Older due mails are left to the timer (`flask --app wsgi mail send-pending`).
        send_pending(current_app._get_current_object(), ids=ids)
    except Exception:
        log.exception("sending mail after a commit failed; it stays in the outbox for send-pending")


def _forget(session):
    session.info.pop(QUEUED, None)
