"""Kaart searches that found nothing, counted by their words only (no person, no session, no address).

Only the words count: a search that a filter, a radius or a place emptied is not missed. Coördinatoren read
the list on the dashboard, and a beheerder adds a missed search to a synonym group there with one click
(directory/synonyms.py).
"""
import logging

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from webapp.database import write_block
from webapp.directory.models import MissedSearch
from webapp.extensions import db
from webapp.models_base import utcnow
from webapp.search.analysis import words
from webapp.text import mask_contact

MAX_LENGTH = 200
TOP = 50
log = logging.getLogger(__name__)
_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def normalise(text):
    """The words as the search reads them: folded, lower case, single spaces; at most 200 characters.

    Phone numbers and e-mail addresses someone typed become the word 'verborgen' first: the list is shown to
    the coördinatoren of every gemeente.
    """
    return " ".join(words(mask_contact(text or "")))[:MAX_LENGTH].strip()


def unmatched_words(text, results):
    """The words of a search that found nothing by its words alone (whatever the filters), else None."""
    if results is None or results.word_hits or not normalise(text):
        return None
    return text


def note_search(text):
    """Count `text` (from unmatched_words; None counts nothing); never lets a failure reach the search page."""
    if text is None:
        return
    try:
        record_missed_search(text)
    except Exception:  # noqa: BLE001  (counting is a side matter: the resident still gets the page)
        db.session.rollback()
        log.exception("Could not count a search without results")


def record_missed_search(text, now=None):
    """Upsert in one short write: the count goes up by one, concurrently safe on SQLite and PostgreSQL."""
    key, now = normalise(text), now or utcnow()
    with write_block():
        insert = _INSERTS[db.session.get_bind().dialect.name]
        statement = insert(MissedSearch).values(text=key, count=1, first_seen_at=now, last_seen_at=now)
        statement = statement.on_conflict_do_update(
            index_elements=[MissedSearch.text],
            set_={"count": MissedSearch.count + 1, "last_seen_at": statement.excluded.last_seen_at})
        db.session.execute(statement)


def top_missed(limit=TOP):
    """The most frequent searches without results, the most recent first among equals."""
    return db.session.scalars(select(MissedSearch).order_by(MissedSearch.count.desc(),
                                                            MissedSearch.last_seen_at.desc()).limit(limit)).all()
