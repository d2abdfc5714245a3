"""After a commit that queued mail, try to send it at once; the commit itself never fails because of mail."""
import logging
import threading

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
    app = current_app._get_current_object()
    if app.config.get("MAIL_SEND_INLINE"):
        _send(app, ids)
    else:
        # Not on the request's time: a slow mail server must not make the answer slow (or tell, by its speed,
        # whether an address has an account). A worker that dies first leaves the mail to send-pending.
        threading.Thread(target=_send, args=(app, ids), daemon=True, name="mail-after-commit").start()


def _send(app, ids):
    """This transaction's mails only, on a session of its own; older due mails are left to the timer."""
    try:
        with app.app_context():
            send_pending(app, ids=ids)
    except Exception:
        log.exception("sending mail after a commit failed; it stays in the outbox for send-pending")


def _forget(session):
    session.info.pop(QUEUED, None)
