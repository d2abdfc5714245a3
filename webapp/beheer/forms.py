"""Beheer forms: shape only (required, lengths, formats); the rules live in directory/maintenance.py."""
from flask_babel import lazy_gettext as _l
from wtforms import (BooleanField, DateField, FieldList, FormField, HiddenField, RadioField, SelectField, StringField,
                     TextAreaField, TimeField)
from wtforms.validators import URL, DataRequired, Length, Optional, Regexp, ValidationError

from webapp.directory import areas
from webapp.directory.languages import choices as language_choices, listed, stored
from webapp.directory.maintenance import DayException, ServiceData, Slot
from webapp.directory.vocab import ACCESS_ROUTES, LAYERS, THEMES, TRISTATE
from webapp.forms import BaseForm, CheckboxList, ChoiceField, EmailCheck, OnceForm, SubForm, VersionedForm, parse_version

POSTCODE = r"^[1-9][0-9]{3} ?[A-Za-z]{2}$"
PHONE = r"^\+?[0-9][0-9 ()-]{8,18}[0-9]$"
WEEKDAYS = [("", _l("Kies een dag")), ("0", _l("maandag")), ("1", _l("dinsdag")), ("2", _l("woensdag")),
            ("3", _l("donderdag")), ("4", _l("vrijdag")), ("5", _l("zaterdag")), ("6", _l("zondag"))]
EMPTY_ROWS = 3
WEBSITE_MESSAGE = _l("Vul een webadres in dat begint met https://.")
# A web address residents can follow: http(s) only (URL() alone lets javascript: and ftp: through).
WEBSITE = (URL(message=WEBSITE_MESSAGE), Regexp(r"(?i)^https?://", message=WEBSITE_MESSAGE))


def _text(label, limit, *validators, required=False):
    first = DataRequired(_l("Vul dit veld in.")) if required else Optional()
    return StringField(label, [first, Length(max=limit), *validators], filters=[_strip])


def _strip(value):
    return (value.strip() or None) if isinstance(value, str) else value


class ServiceForm(VersionedForm, OnceForm):
    name = _text(_l("Naam"), 200, required=True)
    gemeente = SelectField(_l("Gemeente"), [DataRequired()], choices=[])
    service_area = _text(_l("Werkgebied: voor inwoners van welke gemeenten?"), 500)
    summary = TextAreaField(_l("Korte omschrijving (één zin)"), [Optional(), Length(max=300)])
    description = TextAreaField(_l("Beschrijving"), [Optional(), Length(max=3000)])
    themes = CheckboxList(_l("Onderwerpen"), [Optional()], choices=list(THEMES.items()))
    access_route = SelectField(_l("Hoe komt iemand binnen?"), choices=list(ACCESS_ROUTES.items()), default="onbekend")
    layer = ChoiceField(_l("Laag"), [Optional()], choices=[("", _l("Onbekend"))] + list(LAYERS.items()))
    target_groups = _text(_l("Voor wie (met komma's)"), 300)
    organization_name = _text(_l("Organisatie"), 200)
    location_name = _text(_l("Naam van de plek (bijvoorbeeld een gebouw)"), 200)
    address = _text(_l("Straat en huisnummer"), 200)
    postcode = _text(_l("Postcode"), 7, Regexp(POSTCODE, message=_l("Vul een postcode in zoals 7941 AB.")))
    woonplaats = _text(_l("Woonplaats"), 100)
    phone = _text(_l("Telefoon"), 40, Regexp(PHONE, message=_l("Vul een telefoonnummer in, zoals 0522 123 456.")))
    email = _text(_l("E-mail"), 200, EmailCheck())
    website = _text(_l("Website"), 300, *WEBSITE)
    languages = CheckboxList(_l("Talen die de medewerkers spreken"), [Optional()],
                             choices=language_choices())
    free_of_charge = RadioField(_l("Gratis"), choices=list(TRISTATE.items()), default="onbekend")
    cost_note = _text(_l("Kosten (toelichting)"), 300)
    volunteers = RadioField(_l("Met vrijwilligers"), choices=list(TRISTATE.items()), default="onbekend")
    wheelchair_access = RadioField(_l("Rolstoeltoegankelijk"), choices=list(TRISTATE.items()), default="onbekend")
    last_checked_on = DateField(_l("Laatst gecontroleerd"), [Optional()])
    save_anyway = BooleanField(_l("Toch opslaan: het is een andere voorziening"))
    remote_only = BooleanField(_l("Alleen online of telefonisch: er is geen adres om langs te gaan"))
    closed_until = DateField(_l("Tijdelijk gesloten tot en met"), [Optional()])
    closed_note = _text(_l("Reden van de sluiting"), 300)
    notice = _text(_l("Korte mededeling"), 200)
    notice_until = DateField(_l("Mededeling tot en met"), [Optional()])

    def to_data(self):
        values = {name: getattr(self, name).data for name in ServiceData.field_names()
                  if name not in ("themes", "target_groups", "layer", "service_area")}
        values.update(summary=(values["summary"] or "").strip(), description=(values["description"] or "").strip())
        groups = [name.strip() for name in (self.target_groups.data or "").split(",") if name.strip()]
        values["languages"] = stored(self.languages.data or ())
        return ServiceData(**values, themes=tuple(self.themes.data or ()), target_groups=tuple(groups),
                           layer=self.layer.data or None, service_area=areas.split_area(self.service_area.data))

    @classmethod
    def for_service(cls, service, **kwargs):
        location = service.location
        data = {name: getattr(service, name) for name in ("name", "gemeente", "summary", "description",
                "access_route", "layer", "phone", "email", "website", "languages", "free_of_charge", "cost_note",
                "volunteers", "last_checked_on", "remote_only", "closed_until", "closed_note", "notice", "notice_until")}
        data.update(themes=[t.slug for t in service.themes], service_area=areas.area_text(service.service_area),
                    languages=listed(service.languages),
                    target_groups=", ".join(g.name for g in service.target_groups),
                    organization_name=service.organization.name if service.organization else None,
                    location_name=location and location.name, address=location and location.address,
                    postcode=location and location.postcode, woonplaats=location and location.woonplaats,
                    wheelchair_access=location.wheelchair_access if location else "onbekend")
        return cls(data=data, **kwargs).show_version(service)


class SlotForm(SubForm):
    weekday = ChoiceField(_l("Dag"), [Optional()], choices=WEEKDAYS)
    opens = TimeField(_l("Open vanaf"), [Optional()])
    closes = TimeField(_l("Open tot"), [Optional()])

    def validate_weekday(self, field):
        if field.data and (self.opens.data is None or self.closes.data is None):
            raise ValidationError(_l("Vul bij deze dag een begin- en eindtijd in."))

    def validate_opens(self, field):
        # Here and not in validate_weekday: Optional() stops a blank weekday's own checks.
        if field.data is not None and not self.weekday.data:
            raise ValidationError(_l("Kies bij deze tijden een dag."))


class ExceptionForm(SubForm):
    day = DateField(_l("Datum"), [Optional()])
    closed = RadioField(_l("Die dag"), [Optional()], choices=[("ja", _l("gesloten")), ("nee", _l("open op deze tijden"))],
                        default="ja")
    opens = TimeField(_l("Open vanaf"), [Optional()])
    closes = TimeField(_l("Open tot"), [Optional()])
    note = StringField(_l("Reden (bijvoorbeeld: Kerstmis)"), [Optional(), Length(max=200)])


class HoursForm(VersionedForm):
    slots = FieldList(FormField(SlotForm), min_entries=EMPTY_ROWS)
    exceptions = FieldList(FormField(ExceptionForm), min_entries=EMPTY_ROWS)
    open_on_holidays = BooleanField(_l("Ook open op feestdagen (zoals op een gewone dag)"))

    @classmethod
    def for_service(cls, service, **kwargs):
        slots = [{"weekday": str(s.weekday), "opens": s.opens, "closes": s.closes} for s in service.schedules]
        days = [{"day": e.day, "closed": "ja" if e.closed else "nee", "opens": e.opens, "closes": e.closes,
                 "note": e.note} for e in service.schedule_exceptions]
        form = cls(data={"slots": slots + [{}] * EMPTY_ROWS, "exceptions": days + [{}] * EMPTY_ROWS,
                         "open_on_holidays": service.open_on_holidays}, **kwargs)
        return form.show_version(service)

    def to_hours(self):
        slots = [Slot(int(row.weekday.data), row.opens.data, row.closes.data)
                 for row in self.slots if row.weekday.data]
        days = [DayException(row.day.data, row.closed.data == "ja",
                             row.opens.data if row.closed.data == "nee" else None,
                             row.closes.data if row.closed.data == "nee" else None, row.note.data or None)
                for row in self.exceptions if row.day.data]
        return slots, days, bool(self.open_on_holidays.data)


class MergeForm(BaseForm):
    """Merging two listings: the versions of both as the screen showed them."""

    keep_version = HiddenField()
    drop_version = HiddenField()

    def show_versions(self, keep, drop):
        self.keep_version.data, self.drop_version.data = str(keep.version), str(drop.version)
        return self

    def seen_versions(self):
        return parse_version(self.keep_version.data), parse_version(self.drop_version.data)
