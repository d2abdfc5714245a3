"""Small helpers the mail tests share: reading .eml files, comparing stored times."""
from datetime import datetime, timezone
from email import policy
from email.parser import BytesParser

from sqlalchemy import select

from webapp.extensions import db
from webapp.mail.models import OutboxMail


def eml_files(folder):
    return sorted(folder.glob("*.eml")) if folder.exists() else []


def read_eml(path):
    with path.open("rb") as handle:
        return BytesParser(policy=policy.default).parse(handle)


def text_and_html(message):
    return (message.get_body(preferencelist=("plain",)).get_content(),
            message.get_body(preferencelist=("html",)).get_content())


def outbox():
    db.session.expire_all()
    return db.session.scalars(select(OutboxMail).order_by(OutboxMail.created_at)).all()


def aware(moment):
    """SQLite gives the stored UTC time back without its zone; PostgreSQL with it."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def now():
    return datetime.now(timezone.utc)
