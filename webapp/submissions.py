"""One-time submission tokens: a create form sent twice (a double click, a retry after a time-out) makes one row.

Every create form carries a fresh token (webapp.forms.OnceForm). The row it made is remembered in the same
transaction; the same token again gets that row back instead of a second one, also when both requests arrive at
once (the token is the primary key, so the second insert fails and finds the first).
"""
from datetime import datetime

from sqlalchemy import DateTime, String, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from webapp.database import write_block
from webapp.extensions import db
from webapp.models_base import utcnow

TOKEN_LENGTH = 36


class Submission(db.Model):
    __tablename__ = "submissions"

    token: Mapped[str] = mapped_column(String(TOKEN_LENGTH), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def create_once(token, model, create):
    """Run `create()` (it adds one row of `model` and returns it) in a write_block, once per token.

    A token that was used before returns the row it made, without calling `create`; if that row is gone (an
    account deleted since), the submission simply makes a new one. No token (a caller without a form): always
    create.
    """
    token = token if isinstance(token, str) and 0 < len(token) <= TOKEN_LENGTH else None
    used, row = _earlier(token, model)
    if row is not None:
        return row
    try:
        with write_block():
            row = create()
            db.session.flush()
            if token and not used:
                db.session.add(Submission(token=token, row_id=row.id))
                db.session.flush()
    except IntegrityError:
        _used, row = _earlier(token, model)
        if row is not None:
            return row  # the same submission, saved by a request that ran at the same time
        raise
    return row


def made_by(token, model):
    """The row an earlier request with this form submission made, or None (a new submission)."""
    token = token if isinstance(token, str) and 0 < len(token) <= TOKEN_LENGTH else None
    return _earlier(token, model)[1]


def _earlier(token, model):
    """(whether the token was used, the row it made if that still exists)."""
    row_id = token and db.session.scalar(select(Submission.row_id).where(Submission.token == token))
    return bool(row_id), (db.session.get(model, row_id) if row_id else None)
