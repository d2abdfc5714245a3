"""A deleted beheerder's account (privacy.erasure.account_erasing): the reminders they sent and the queue items they
handled keep an anonymous id instead of their address."""
from webapp.privacy.erasure import forget_actor
from webapp.providers.models import ListingReminder, ListingSuggestion


def forget_beheerder(user):
    forget_actor(ListingReminder.actor, user)
    forget_actor(ListingSuggestion.handled_by, user)
