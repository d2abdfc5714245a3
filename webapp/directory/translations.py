"""A voorziening's texts in another language: entered in beheer, shown to a reader whose page is in that language.

The Dutch texts stay the source: a field left empty in a translation shows the Dutch one (marked lang="nl"), a
translation emptied completely is removed, and the JSON-LD, the API and the open data stay Dutch. Which languages
a translation may be entered for is the setting CONTENT_LANGUAGES, apart from the interface's catalogs.
"""
from dataclasses import asdict, dataclass

from flask import current_app, request
from flask_babel import gettext as _
from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.database import StaleVersion, insert_unless_taken, write_block
from webapp.directory import audit
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.i18n.services import request_language
from webapp.models_base import Timestamps, uuid_pk

DUTCH = "nl"
FIELDS = ("name", "summary", "description")
LIMITS = {"name": 200, "summary": 300, "description": 3000}


class ServiceTranslation(Timestamps, db.Model):
    """One language's texts of one voorziening; an empty field means 'the Dutch text'."""

    __tablename__ = "service_translations"
    __table_args__ = (UniqueConstraint("service_id", "language"),)

    id: Mapped[str] = uuid_pk()
    service_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}

    service = relationship("Service")


@dataclass(frozen=True)
class TranslationData:
    name: str = ""
    summary: str = ""
    description: str = ""

    def is_empty(self):
        return not any(asdict(self).values())


@dataclass(frozen=True)
class Shown:
    """A text as the reader sees it, with the language it is in."""

    text: str
    lang: str

    def __str__(self):
        return self.text

    def __bool__(self):
        return bool(self.text)


def content_languages():
    """The languages a translation may be entered for (CONTENT_LANGUAGES), never Dutch itself."""
    return [code for code in current_app.config["CONTENT_LANGUAGES"] if code != DUTCH]


def translations_of(service):
    """{language: ServiceTranslation} of one voorziening."""
    rows = db.session.scalars(select(ServiceTranslation).where(ServiceTranslation.service_id == service.id))
    return {row.language: row for row in rows}


def _find(service_id, language):
    return db.session.scalar(select(ServiceTranslation).where(ServiceTranslation.service_id == service_id,
                                                              ServiceTranslation.language == language))


def _refuse_unless_allowed(actor, service, language, data):
    if not actor.works_for(service.gemeente):
        raise RuleViolation([("name", _("U beheert de gemeente %(gemeente)s niet.", gemeente=service.gemeente))])
    if language not in content_languages():
        raise RuleViolation([("language", _("Voor deze taal kunt u geen vertaling invullen."))])
    too_long = [(name, _("Dit veld mag hoogstens %(count)d tekens hebben.", count=LIMITS[name]))
                for name, value in asdict(data).items() if len(value) > LIMITS[name]]
    if too_long:
        raise RuleViolation(too_long)


def save_translation(actor, service, language, data, seen_version=None):
    """Enter, change or (all fields empty) remove one language's texts; returns the audited changes.

    `seen_version` 0 means the page showed no translation yet: one entered meanwhile is a conflict, as is a
    change to one removed meanwhile (StaleVersion; `row` is then the translation now, or None).
    """
    _refuse_unless_allowed(actor, service, language, data)
    with write_block():
        row = _find(service.id, language)
        if row is not None and seen_version is not None and row.version != seen_version:
            raise StaleVersion(row)
        if row is None and seen_version not in (None, 0):
            raise StaleVersion(row)
        before = _values(row)
        if data.is_empty():
            if row is not None:
                db.session.delete(row)
        elif row is None:
            _row, created = insert_unless_taken(lambda: _add(service, language, data),
                                                lambda: _find(service.id, language))
            if not created:  # another beheerder entered it at the same moment (PostgreSQL)
                raise StaleVersion(_row)
        else:
            for name, value in asdict(data).items():
                setattr(row, name, value)
        return audit.record(actor, service, audit.CHANGED, _keyed(before, language),
                            _keyed(asdict(data), language))


def take_over(actor, kept, dropped):
    """A merge (inside its write): the kept listing takes the dropped one's translations into the languages it has
    none of, audited on the kept one; the dropped listing keeps the rest."""
    have = set(translations_of(kept))
    for language, row in translations_of(dropped).items():
        if language not in have:
            row.service_id = kept.id
            audit.record(actor, kept, audit.CHANGED, _keyed(_values(None), language), _keyed(_values(row), language))


def _add(service, language, data):
    row = ServiceTranslation(service_id=service.id, language=language, **asdict(data))
    db.session.add(row)
    db.session.flush()
    return row


def _values(row):
    return {name: getattr(row, name) if row is not None else "" for name in FIELDS}


def _keyed(values, language):
    """Audit fields 'name:en': the log shows them as 'Naam (en)'."""
    return {f"{name}:{language}": value or None for name, value in values.items()}


def _translated_page_language():
    """The page's language when a voorziening can have a translation into it, else None (a Dutch page, or no
    request)."""
    language = request_language()
    return language if language != DUTCH and language in content_languages() else None


def _pick(service, row, field):
    text = getattr(row, field) if row is not None else ""
    return Shown(text, row.language) if text else Shown(getattr(service, field) or "", DUTCH)


@dataclass(frozen=True)
class ShownTexts:
    """A voorziening's texts for one page, each in the page's language or in Dutch."""

    name: Shown
    summary: Shown
    description: Shown


def texts_for_page(services):
    """{service id: ShownTexts} for the page's language, with one query: what a route of another package passes
    to its template (the agenda, the handouts, a resident's referrals)."""
    services = list(services)
    language = _translated_page_language()
    rows = {}
    if language and services:
        rows = {row.service_id: row for row in db.session.scalars(select(ServiceTranslation).where(
            ServiceTranslation.language == language, ServiceTranslation.service_id.in_({s.id for s in services})))}
    return {service.id: ShownTexts(*(_pick(service, rows.get(service.id), field) for field in FIELDS))
            for service in services}


def shown(service, field):
    """One of a voorziening's texts for this page ('name', 'summary' or 'description'): the translation into the
    page's language when it has that field, else the Dutch text (the kaart's own templates; once per request)."""
    language = _translated_page_language()
    if language is None:
        return Shown(getattr(service, field) or "", DUTCH)
    cache = request.__dict__.setdefault("buurtkaart_service_translations", {})  # this request only, not `g`
    if service.id not in cache:
        cache[service.id] = _find(service.id, language)
    return _pick(service, cache[service.id], field)


def names_for_page(service_ids):
    """{service id: Shown name} of the translated names among `service_ids` (the map's markers: one query)."""
    language = _translated_page_language()
    if language is None or not service_ids:
        return {}
    rows = db.session.execute(select(ServiceTranslation.service_id, ServiceTranslation.name).where(
        ServiceTranslation.language == language, ServiceTranslation.service_id.in_(list(service_ids)),
        ServiceTranslation.name != ""))
    return {service_id: Shown(name, language) for service_id, name in rows}
