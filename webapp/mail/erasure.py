"""The mails of a deleted account (privacy.erasure.account_erasing): out of the outbox and the mail folder.

A mail to the person, or one that carries their address, name or phone (a confirmation mail to the other side
of a match), is deleted, sent or not: the account is gone, so is what was mailed about it.
"""
from email import message_from_bytes, policy
from pathlib import Path

from flask import current_app
from sqlalchemy import delete, select

from webapp.extensions import db
from webapp.mail.models import OutboxMail
from webapp.privacy.erasure import Person


def erase_mails(user):
    person = Person.of(user)
    rows = db.session.execute(select(OutboxMail.id, OutboxMail.to_address, OutboxMail.subject,
                                     OutboxMail.text_body, OutboxMail.html_body)).all()
    gone = [row.id for row in rows if person.appears_in(row.to_address, row.subject, row.text_body, row.html_body)]
    if gone:
        db.session.execute(delete(OutboxMail).where(OutboxMail.id.in_(gone)))
    remove_mail_files(lambda name, text: any(mail_id in name for mail_id in gone) or person.appears_in(text))


def remove_mail_files(doomed):
    """Delete the .eml files of the file backend for which doomed(file name, decoded text) is true."""
    folder = Path(current_app.config.get("MAIL_DIR") or "")
    if current_app.config.get("MAIL_BACKEND") != "file" or not folder.is_dir():
        return 0
    removed = 0
    for path in folder.glob("*.eml"):
        if doomed(path.name, _readable(path)):
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _readable(path):
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    parts = [str(message.get(header, "")) for header in ("To", "Subject")]
    for part in message.walk():
        if part.get_content_maintype() == "text":
            parts.append(part.get_content())
    return "\n".join(parts)
