"""Deleting an account deletes: the signal every package that holds personal data connects to, and the one
way to scrub a person out of free text.

`account_erasing` is sent with the user inside the deletion's transaction, before the account row goes
(`accounts.profile.delete_account`; `account_deleting` there is the same signal). Each receiver removes or
anonymises what its package holds of that person: posts (anonymised, kept for the statistics), messages and
feedback (matching), reports and the moderation log (moderation), the outbox and the mail files (mail).
"""
import hashlib
import re
from dataclasses import dataclass

from blinker import Namespace
from sqlalchemy import update

from webapp.extensions import db
from webapp.text import mask_contact

signals = Namespace()
account_erasing = signals.signal("account-erasing")
NAME_GONE = "[naam verwijderd]"
TEXT_GONE = "[bericht verwijderd]"


@dataclass(frozen=True)
class Person:
    """What identifies a person in stored text: e-mail address, full name, phone (as stored and as typed)."""
    email: str | None
    name: str | None
    phone: str | None

    @classmethod
    def of(cls, user):
        return cls(user.email, user.display_name, user.phone)

    def secrets(self):
        """The strings that must not survive: the address, the full name, the phone in its usual spellings."""
        found = [self.email, self.name if self.name and len(self.name) >= 4 else None]
        if self.phone:
            digits = re.sub(r"\D", "", self.phone)
            found += [self.phone, digits, "0" + digits[2:] if digits.startswith("31") else None]
        return [secret for secret in found if secret]

    def appears_in(self, *texts):
        lowered = " ".join(text or "" for text in texts).lower()
        return any(secret.lower() in lowered for secret in self.secrets())


def scrub(text, person):
    """Free text without any phone number or e-mail address (however typed) and without the person's name."""
    if not text:
        return text
    masked = mask_contact(text)
    for secret in person.secrets():
        masked = re.sub(re.escape(secret), NAME_GONE if secret == person.name else "[verborgen]", masked,
                        flags=re.IGNORECASE)
    return masked


def anonymous_id(user):
    """What logs keep of a deleted account instead of its name: the same for every row of that account."""
    return "verwijderd account #" + hashlib.sha256(str(user.id).encode()).hexdigest()[:8]


def forget_actor(column, user):
    """Audit rows that name the actor by e-mail address keep an anonymous id instead, once the account goes."""
    if user.email:
        db.session.execute(update(column.class_).where(column == user.email).values({column.key: anonymous_id(user)}))
