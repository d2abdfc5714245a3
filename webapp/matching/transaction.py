"""One write transaction per service call: BEGIN IMMEDIATE, one commit, and nothing kept on a broken rule."""
from contextlib import contextmanager

from webapp.database import begin_write
from webapp.errors import RuleViolation
from webapp.extensions import db


@contextmanager
def writing():
    begin_write(db.session)
    try:
        yield
    except RuleViolation:
        db.session.rollback()
        raise
    db.session.commit()
