"""Sending the outbox: claim a due mail, send it, mark it sent or schedule a retry. Nothing is ever deleted.

A mail the receiving server refuses for good (SMTP 5xx for its address) is not tried again, and the account
with that address is marked: its account page asks the owner to check the address.
"""
import logging
import re
import smtplib
from dataclasses import dataclass
from datetime import timedelta
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

from blinker import Namespace
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from webapp.database import begin_write
from webapp.extensions import db
from webapp.mail import backends
from webapp.mail.models import OutboxMail
from webapp.models_base import utcnow

log = logging.getLogger(__name__)
signals = Namespace()
# A mail server refused an address for good: sent with the outbox's session (the same transaction) and
# `address`. Accounts marks the account, so its page can say the mails do not arrive.
address_refused = signals.signal("mail-address-refused")
BACKOFF_MINUTES = (1, 5, 15, 60, 180, 360)  # after the 1st, 2nd, ... failure; then every 6 hours
LEASE = timedelta(minutes=10)  # a claimed mail whose sender died is due again after this
# Headers may be 998 characters (RFC 5322): at 78, the long List-Unsubscribe URL would be folded into encoded
# words that mail programs do not read as a URL. Body lines stay at 76 (quoted-printable, set at set_content).
WIRE_POLICY = policy.SMTP.clone(max_line_length=998)
UNSUBSCRIBE_LINK = re.compile(r"https?://\S+/afmelden/[\w.-]+")


@dataclass
class Outcome:
    sent: int = 0
    failed: int = 0


def send_pending(app, limit=100, ids=None):
    """Send up to `limit` due mails (only `ids`, when given); safe to run in several processes at once.

    A connection that cannot be opened ends the batch: the next run, or the timer, tries again.
    """
    backend, outcome, connection = backends.for_app(app), Outcome(), None
    # Not expired on commit: reading a claimed mail again would start a read transaction that SQLite cannot
    # turn into a write one later (see database.py).
    with app.app_context(), Session(db.engine, expire_on_commit=False) as session:
        try:
            for mail_id, seen in _due(session, limit, ids):
                mail = _claim(session, mail_id, seen)
                if mail is None:
                    continue  # another process has it
                try:
                    message = build_message(app, mail)
                    connection = connection or backend.connect()
                    connection.send(message)
                except Exception as error:
                    _mark(session, mail, error)
                    outcome.failed += 1
                    if connection is None:
                        break
                    connection = _close(connection)  # its state is unknown after an error
                else:
                    _mark(session, mail)
                    outcome.sent += 1
        finally:
            _close(connection)
    return outcome


def _due(session, limit, ids):
    query = (select(OutboxMail.id, OutboxMail.next_attempt_at)
             .where(OutboxMail.sent_at.is_(None), OutboxMail.failed_at.is_(None),
                    OutboxMail.next_attempt_at <= utcnow())
             .order_by(OutboxMail.created_at).limit(limit))
    if ids is not None:
        query = query.where(OutboxMail.id.in_(list(ids)))
    rows = session.execute(query).all()
    session.rollback()
    return rows


def _claim(session, mail_id, seen):
    """Move the mail's next attempt past the lease, only if no other process did so since we read it."""
    begin_write(session)
    claimed = session.execute(
        update(OutboxMail)
        .where(OutboxMail.id == mail_id, OutboxMail.sent_at.is_(None), OutboxMail.failed_at.is_(None),
               OutboxMail.next_attempt_at == seen)
        .values(next_attempt_at=utcnow() + LEASE)
        .execution_options(synchronize_session=False)
    ).rowcount == 1
    mail = session.get(OutboxMail, mail_id, populate_existing=True) if claimed else None
    session.commit()
    return mail


def _mark(session, mail, error=None):
    """Sent; refused for good (no retry, the address marked as bouncing); or failed: one more attempt, the
    error kept, the next attempt later and later."""
    begin_write(session)
    if error is None:
        mail.sent_at = utcnow()
    else:
        mail.attempts += 1
        mail.last_error = f"{type(error).__name__}: {error}"[:500]
        if is_permanent(error):
            mail.failed_at = utcnow()
            address_refused.send(session, address=mail.to_address)
            log.warning("outbox mail %s: refused for good, not retried (%s)", mail.id, mail.last_error)
        else:
            mail.next_attempt_at = utcnow() + retry_delay(mail.attempts)
            log.warning("outbox mail %s: attempt %d failed (%s)", mail.id, mail.attempts, mail.last_error)
    session.commit()


def is_permanent(error):
    """True for a 5xx answer about the recipient or the message (RFC 5321: do not repeat as is).

    Not for 4xx (try later), and not for a refused sender or login: that is our configuration, not the address.
    """
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return bool(error.recipients) and all(code >= 500 for code, _text in error.recipients.values())
    if isinstance(error, (smtplib.SMTPSenderRefused, smtplib.SMTPAuthenticationError)):
        return False
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def retry_delay(attempts):
    return timedelta(minutes=BACKOFF_MINUTES[min(attempts, len(BACKOFF_MINUTES)) - 1])


def _close(connection):
    if connection is not None:
        try:
            connection.close()
        except Exception:
            log.warning("closing the mail connection failed", exc_info=True)


def build_message(app, mail):
    """multipart/alternative (text, then HTML), UTF-8; the outbox id is the Message-ID, the same on a retry."""
    message = EmailMessage()
    sender = app.config["MAIL_FROM"]
    domain = parseaddr(sender)[1].rpartition("@")[2] or "buurtkaart.invalid"
    message["From"] = sender
    message["To"] = mail.to_address
    message["Subject"] = mail.subject
    message["Date"] = format_datetime(utcnow())
    message["Message-ID"] = f"<{mail.id}@{domain}>"
    message["Auto-Submitted"] = "auto-generated"
    unsubscribe = None if mail.essential else UNSUBSCRIBE_LINK.search(mail.text_body)
    if unsubscribe:
        message["List-Unsubscribe"] = f"<{unsubscribe.group()}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058: POST to the same URL
    message.set_content(mail.text_body, cte="quoted-printable")
    message.add_alternative(mail.html_body, subtype="html", cte="quoted-printable")
    message.policy = WIRE_POLICY
    return message
