"""A voorziening's texts in another language: entered in beheer, shown to a reader whose page is in that language.

The Dutch texts stay the source: a field left empty in a translation shows the Dutch one (marked lang="nl"), a
translation emptied completely is removed, and the JSON-LD, the API and the open data stay Dutch. Which languages
a translation may be entered for is the setting CONTENT_LANGUAGES, apart from the interface's catalogs.
"""
from dataclasses import asdict, dataclass

from flask import current_app, has_request_context, request
from flask_babel import get_locale, gettext as _
from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.database import StaleVersion, insert_unless_taken, write_block
from webapp.directory import audit
from webapp.errors import RuleViolation
from webapp.extensions import db
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


def page_language():
    """The language of the page being made ('nl' outside a request)."""
    locale = get_locale() if has_request_context() else None
    return str(locale) if locale else DUTCH


def _for_page(service_id, language):
    """The translation of a voorziening into the page's language, once per request."""
    cache = request.__dict__.setdefault("buurtkaart_service_translations", {})  # this request only, not `g`
    key = (service_id, language)
    if key not in cache:
        cache[key] = _find(service_id, language)
    return cache[key]


def shown(service, field):
    """A voorziening's name, summary or description for this page: the translation into the page's language
    when there is one for that field, else the Dutch text; each knows its language (for a lang attribute)."""
    dutch = Shown(getattr(service, field) or "", DUTCH)
    language = page_language()
    if language == DUTCH or language not in content_languages():
        return dutch
    row = _for_page(service.id, language)
    text = getattr(row, field) if row is not None else ""
    return Shown(text, language) if text else dutch


def names_for_page(service_ids):
    """{service id: Shown name} of the translated names among `service_ids` (the map's markers: one query)."""
    language = page_language()
    if language == DUTCH or language not in content_languages() or not service_ids:
        return {}
    rows = db.session.execute(select(ServiceTranslation.service_id, ServiceTranslation.name).where(
        ServiceTranslation.language == language, ServiceTranslation.service_id.in_(list(service_ids)),
        ServiceTranslation.name != ""))
    return {service_id: Shown(name, language) for service_id, name in rows}
