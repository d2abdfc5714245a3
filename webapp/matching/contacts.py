"""Contact details of the two sides of a match: given out from confirmation on, and never before.

The one place that reads them for a match; pages and the confirmation mail use only this.
"""
from dataclasses import dataclass

from webapp.accounts.phone import display, shared
from webapp.matching import access
from webapp.matching.vocab import CONTACT_SHARED
from webapp.posts.vocab import CONTACT_THEIRS
from webapp.text import mask_contact


@dataclass(frozen=True)
class Contact:
    name: str | None
    phone: str | None
    email: str | None


@dataclass(frozen=True)
class Contacts:
    asker: Contact   # whom the helper reaches: the person helped, or the author of the vraag
    helper: Contact


def for_match(match):
    """Both sides' details for a confirmed (or afgerond) match; None before that, whoever asks."""
    if match.status not in CONTACT_SHARED:
        return None
    return Contacts(asker=_asker(match.request), helper=_person(match.helper))


def _asker(vraag):
    if vraag.contact_choice == CONTACT_THEIRS:
        return Contact(vraag.contact_name, display(vraag.contact_phone), vraag.contact_email)
    return _person(vraag.author)


def _person(user):
    if user is None:  # the account was deleted
        return Contact(None, None, None)
    phone, email = shared(user)  # what its owner chose to share
    return Contact(user.display_name, display(phone), email)


def visible_text(text, viewer, match=None):
    """Typed text as this viewer may read it: as typed only for the two sides of a confirmed (or afgerond) match
    it belongs to; for everyone else (the public, a coördinator, the sides before confirmation) every phone
    number and e-mail address in it is [verborgen]. The one place that decides; pages, JSON, mails and exports
    pass their text through it (or through mask_contact when there is no match)."""
    if match is not None and match.status in CONTACT_SHARED and access.is_side(match, viewer):
        return text
    return mask_contact(text)
