"""What a resident fills in for a post, as plain values: the forms build these, the services check and store them."""
from dataclasses import dataclass
from datetime import date, datetime

from webapp.posts.vocab import (CONTACT_MINE, CONTACT_THEIRS, OFFER, REQUEST, SLOTS, WHEN_DATE, WHEN_PERIOD)

# The fields placement.place_post sets: they move together.
PLACE_FIELDS = ("place_text", "latitude", "longitude", "precision", "public_latitude", "public_longitude",
                "woonplaats", "gemeente")


@dataclass(frozen=True)
class RequestData:
    title: str
    description: str
    category: str
    when_kind: str
    place: str
    date_from: date | None = None
    date_until: date | None = None
    when_note: str | None = None
    for_other: bool = False
    behalf_name: str | None = None
    behalf_relation: str | None = None
    contact_choice: str = CONTACT_MINE
    contact_name: str | None = None
    contact_phone: str | None = None
    contact_email: str | None = None
    consent_at: datetime | None = None  # when the author said the person helped agreed (for someone else)
    coordinator_only: bool = False

    kind = REQUEST

    def fields(self):
        """The model fields, with what does not apply cleared (no dates for 'flexibel', no contact for 'mine')."""
        theirs = self.for_other and self.contact_choice == CONTACT_THEIRS
        return {
            "title": self.title, "description": self.description, "categories": self.category,
            "when_kind": self.when_kind,
            "date_from": self.date_from if self.when_kind in (WHEN_DATE, WHEN_PERIOD) else None,
            "date_until": self.date_until if self.when_kind == WHEN_PERIOD else None,
            "when_note": self.when_note,
            "behalf_name": self.behalf_name if self.for_other else None,
            "behalf_relation": self.behalf_relation if self.for_other else None,
            "contact_choice": CONTACT_THEIRS if theirs else CONTACT_MINE,
            "contact_name": self.contact_name if theirs else None,
            "contact_phone": self.contact_phone if theirs else None,
            "contact_email": self.contact_email if theirs else None,
            "consent_name": self.behalf_name if self.for_other and self.consent_at else None,
            "consent_at": self.consent_at if self.for_other else None,
            "coordinator_only": self.coordinator_only,
        }


@dataclass(frozen=True)
class OfferData:
    title: str
    description: str
    categories: tuple
    availability: tuple
    travel_km: int | None
    place: str

    kind = OFFER

    def fields(self):
        chosen = set(self.availability)
        return {
            "title": self.title, "description": self.description, "categories": ",".join(self.categories),
            "availability": ",".join(slot for slot in SLOTS if slot in chosen),  # always in week order
            "travel_km": self.travel_km,
        }
