"""Online geocoder answers past RETENTION_GEOCODE_CACHE_DAYS (privacy.retention.retention_purging): a typed
place is asked again after that, instead of being kept for good."""
from sqlalchemy import delete

from webapp.extensions import db
from webapp.geo.models import GeocodeCache
from webapp.privacy.retention import cutoff


def purge_geocode_cache(_app, now):
    before = cutoff("RETENTION_GEOCODE_CACHE_DAYS", now)
    removed = db.session.execute(delete(GeocodeCache).where(GeocodeCache.created_at < before)).rowcount
    return [("opgezochte plaatsen (Nominatim)", removed)]
