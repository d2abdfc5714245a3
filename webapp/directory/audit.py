"""The audit log of the kaart: who changed which fields of a voorziening, when, from what to what."""
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db
from webapp.models_base import utcnow, uuid_pk

CREATED, CHANGED, ARCHIVED, RESTORED, IMPORTED = "aangemaakt", "gewijzigd", "gearchiveerd", "hersteld", "geimporteerd"
MERGED = "samengevoegd"
ACTIONS = {CREATED: _l("aangemaakt"), CHANGED: _l("gewijzigd"), ARCHIVED: _l("gearchiveerd"),
           RESTORED: _l("hersteld"), IMPORTED: _l("geïmporteerd"), MERGED: _l("samengevoegd")}

class _Labels(dict):
    """Field labels; a translated text's field 'name:en' reads 'Naam (en)'."""

    def get(self, key, default=None):
        field, _sep, language = str(key).partition(":")
        if language and field in self:
            return f"{self[field]} ({language})"
        return super().get(key, default)


FIELD_LABELS = _Labels({
    "name": _l("Naam"), "summary": _l("Korte omschrijving"), "description": _l("Beschrijving"),
    "gemeente": _l("Gemeente"), "service_area": _l("Werkgebied"), "organization": _l("Organisatie"),
    "access_route": _l("Toegang"), "layer": _l("Laag"), "themes": _l("Onderwerpen"), "target_groups": _l("Voor wie"),
    "phone": _l("Telefoon"),
    "email": _l("E-mail"), "website": _l("Website"), "languages": _l("Talen"), "free_of_charge": _l("Gratis"),
    "cost_note": _l("Kosten"), "volunteers": _l("Met vrijwilligers"), "location_name": _l("Naam van de plek"),
    "address": _l("Adres"), "postcode": _l("Postcode"), "woonplaats": _l("Woonplaats"),
    "wheelchair_access": _l("Rolstoeltoegankelijk"), "point": _l("Punt op de kaart"), "precision": _l("Precisie"),
    "hours": _l("Openingstijden"), "exceptions": _l("Andere tijden"),
    "open_on_holidays": _l("Open op feestdagen"), "closed_until": _l("Tijdelijk gesloten tot en met"),
    "closed_note": _l("Reden van de sluiting"), "notice": _l("Mededeling"), "notice_until": _l("Mededeling tot en met"),
    "remote_only": _l("Alleen online of telefonisch"), "last_checked_on": _l("Laatst gecontroleerd"),
    "archived": _l("Gearchiveerd"),
})


class AuditEntry(db.Model):
    __tablename__ = "audit_entries"

    id: Mapped[str] = uuid_pk()
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(254))  # the e-mail address then: kept when the account goes
    service_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    changes: Mapped[list] = mapped_column(JSON, default=list)  # [{"field", "old", "new"}]

    service = relationship("Service")


def snapshot(service):
    """Every field a beheerder can change, as text: what the audit log compares and the demo fingerprints."""
    location = service.location
    return {
        "name": service.name, "summary": service.summary, "description": service.description,
        "gemeente": service.gemeente, "service_area": ", ".join(service.service_area),
        "organization": service.organization.name if service.organization else None,
        "access_route": service.access_route, "layer": service.layer,
        "themes": ", ".join(sorted(theme.slug for theme in service.themes)),
        "target_groups": ", ".join(sorted(group.name for group in service.target_groups)),
        "phone": service.phone, "email": service.email, "website": service.website, "languages": service.languages,
        "free_of_charge": service.free_of_charge, "cost_note": service.cost_note, "volunteers": service.volunteers,
        "location_name": location and location.name, "address": location and location.address,
        "postcode": location and location.postcode, "woonplaats": location and location.woonplaats,
        "wheelchair_access": location and location.wheelchair_access,
        "point": f"{location.latitude:.6f}, {location.longitude:.6f}" if location and location.point else None,
        "precision": location and location.precision,
        "hours": "; ".join(f"{s.weekday} {s.opens:%H:%M}-{s.closes:%H:%M}" for s in service.schedules),
        "exceptions": "; ".join(_exception_text(e) for e in service.schedule_exceptions),
        "open_on_holidays": "ja" if service.open_on_holidays else "nee",
        "closed_until": service.closed_until.isoformat() if service.closed_until else None,
        "closed_note": service.closed_note, "notice": service.notice,
        "notice_until": service.notice_until.isoformat() if service.notice_until else None,
        "remote_only": "ja" if service.remote_only else "nee",
        "last_checked_on": service.last_checked_on.isoformat() if service.last_checked_on else None,
        "archived": "ja" if service.archived_at else "nee",
    }


def _exception_text(exception):
    hours = "gesloten" if exception.closed else f"{exception.opens:%H:%M}-{exception.closes:%H:%M}"
    return f"{exception.day.isoformat()} {hours}" + (f" ({exception.note})" if exception.note else "")


def record(actor, service, action, before, after):
    """Add an entry with the fields that differ between two snapshots; nothing when nothing changed."""
    changes = [{"field": name, "old": before.get(name), "new": value}
               for name, value in after.items() if before.get(name) != value]
    if changes or action in (CREATED, MERGED):
        db.session.add(AuditEntry(user_id=actor.id, actor=actor.email, service=service, action=action,
                                  changes=changes))
    return changes
