"""Mails past RETENTION_MAIL_DAYS (privacy.retention.retention_purging): sent or refused ones, and mail files."""
from flask import current_app
from sqlalchemy import delete, or_

from webapp.extensions import db
from webapp.mail.models import OutboxMail
from webapp.privacy.retention import cutoff, remove_old_files


def purge_mails(_app, now):
    before = cutoff("RETENTION_MAIL_DAYS", now)
    removed = db.session.execute(delete(OutboxMail).where(or_(OutboxMail.sent_at < before,
                                                              OutboxMail.failed_at < before))).rowcount
    files = remove_old_files(current_app.config["MAIL_DIR"], before, "*.eml")
    return [("verstuurde mails", removed), ("mailbestanden", files)]
