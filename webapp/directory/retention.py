"""Missed searches not seen for RETENTION_MISSED_SEARCH_DAYS (privacy.retention.retention_purging) go; the
change logs of a deleted beheerder's account (privacy.erasure.account_erasing) keep an anonymous id."""
from sqlalchemy import delete

from webapp.directory.audit import AuditEntry
from webapp.directory.gemeente_contacts import GemeenteContactChange
from webapp.directory.merging import DistinctPair, ServiceMerge
from webapp.directory.models import MissedSearch
from webapp.extensions import db
from webapp.privacy.erasure import forget_actor
from webapp.privacy.retention import cutoff


def purge_missed_searches(_app, now):
    before = cutoff("RETENTION_MISSED_SEARCH_DAYS", now)
    removed = db.session.execute(delete(MissedSearch).where(MissedSearch.last_seen_at < before)).rowcount
    return [("zoekwoorden zonder resultaat", removed)]


def forget_beheerder(user):
    forget_actor(AuditEntry.actor, user)
    forget_actor(GemeenteContactChange.actor, user)
    forget_actor(ServiceMerge.actor, user)
    forget_actor(DistinctPair.actor, user)
