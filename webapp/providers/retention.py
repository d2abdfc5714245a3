"""A deleted beheerder's account (privacy.erasure.account_erasing): the reminders they sent and the queue items they
handled keep an anonymous id instead of their address. Handled queue items and old reminders, with the addresses
in them, go after RETENTION_LISTING_SUGGESTIONS_DAYS (privacy.retention.retention_purging)."""
from sqlalchemy import delete, select

from webapp.extensions import db
from webapp.privacy.erasure import forget_actor
from webapp.privacy.retention import cutoff
from webapp.providers.models import HANDLED, ListingReminder, ListingSuggestion


def purge_handled(_app, now):
    before = cutoff("RETENTION_LISTING_SUGGESTIONS_DAYS", now)
    handled = db.session.execute(delete(ListingSuggestion).where(ListingSuggestion.status == HANDLED)
                                 .where(ListingSuggestion.handled_at < before)).rowcount
    still_named = select(ListingSuggestion.reminder_id).where(ListingSuggestion.reminder_id.is_not(None))
    reminders = db.session.execute(delete(ListingReminder).where(ListingReminder.sent_at < before)
                                   .where(ListingReminder.id.not_in(still_named))).rowcount
    return [("afgehandelde meldingen over voorzieningen", handled), ("herinneringen aan aanbieders", reminders)]


def forget_beheerder(user):
    forget_actor(ListingReminder.actor, user)
    forget_actor(ListingSuggestion.handled_by, user)
