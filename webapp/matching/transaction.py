"""One write transaction per service call: BEGIN IMMEDIATE, one commit, and nothing kept on a broken rule."""
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError

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



def insert_unless_taken(add, find):
    """`(add(), True)`, with add's new rows flushed in a savepoint; or `(find(), False)` when a unique constraint
    refused them because another transaction made the same row at the same moment.

    SQLite's BEGIN IMMEDIATE lets one writer at a time read-then-insert; PostgreSQL (read committed) lets two
    both see no row and both insert, and the second waits for the first and then gets the IntegrityError. The
    savepoint keeps the rest of this transaction, and the other's row is visible to the next statement.
    """
    try:
        with db.session.begin_nested():
            return add(), True
    except IntegrityError:
        existing = find()
        if existing is None:  # another constraint: a real error
            raise
        return existing, False
