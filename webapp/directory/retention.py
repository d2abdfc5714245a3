"""Missed searches not seen for RETENTION_MISSED_SEARCH_DAYS (privacy.retention.retention_purging) go."""
from sqlalchemy import delete

from webapp.directory.models import MissedSearch
from webapp.extensions import db
from webapp.privacy.retention import cutoff


def purge_missed_searches(_app, now):
    before = cutoff("RETENTION_MISSED_SEARCH_DAYS", now)
    removed = db.session.execute(delete(MissedSearch).where(MissedSearch.last_seen_at < before)).rowcount
    return [("zoekwoorden zonder resultaat", removed)]
