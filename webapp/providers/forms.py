"""The provider's check form, the public 'Klopt er iets niet?' form and the beheer forms of the queue: shape only."""
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from webapp.beheer.forms import PHONE, POSTCODE, WEBSITE, _strip, _text
from webapp.directory.vocab import TRISTATE
from webapp.forms import BaseForm, CheckboxList, EmailCheck, VersionedForm
from webapp.providers.listing import LOCATION_FIELDS, SERVICE_FIELDS, WEEKDAYS, day_texts, hours_text, parse_days


def _day(label):
    return StringField(label, [Optional(), Length(max=100)], filters=[_strip])


class CheckForm(BaseForm):
    """What a resident needs, as the provider sees it now; 'Alles klopt' or 'Wijzigingen doorgeven'."""

    phone = _text(_l("Telefoon"), 40, Regexp(PHONE, message=_l("Vul een telefoonnummer in, zoals 0522 123 456.")))
    email = _text(_l("E-mail"), 200, EmailCheck())
    website = _text(_l("Website"), 300, *WEBSITE)
    address = _text(_l("Straat en huisnummer"), 200)
    postcode = _text(_l("Postcode"), 7, Regexp(POSTCODE, message=_l("Vul een postcode in zoals 7941 AB.")))
    woonplaats = _text(_l("Woonplaats"), 100)
    target_groups = _text(_l("Voor wie (met komma's)"), 300)
    free_of_charge = RadioField(_l("Gratis"), choices=list(TRISTATE.items()), default="onbekend")
    cost_note = _text(_l("Kosten (toelichting)"), 300)
    day_0, day_1, day_2, day_3 = _day(_l("maandag")), _day(_l("dinsdag")), _day(_l("woensdag")), _day(_l("donderdag"))
    day_4, day_5, day_6 = _day(_l("vrijdag")), _day(_l("zaterdag")), _day(_l("zondag"))
    note = TextAreaField(_l("Nog iets wat de gemeente moet weten?"), [Optional(), Length(max=2000)], filters=[_strip])
    confirm = SubmitField(_l("Alles klopt"))
    send = SubmitField(_l("Wijzigingen doorgeven"))

    @classmethod
    def for_listing(cls, values, service, **kwargs):
        data = {name: values[name] for name in (*SERVICE_FIELDS, *LOCATION_FIELDS, "target_groups")}
        data.update({f"day_{day}": text for day, text in day_texts(service).items()})
        return cls(data=data, **kwargs)

    def days(self):
        return [getattr(self, f"day_{day}") for day in WEEKDAYS]

    def to_values(self, service_had_hours):
        """{field: value} for corrections.propose; RuleViolation (from parse_days) for unclear hours."""
        values = {name: getattr(self, name).data for name in (*SERVICE_FIELDS, *LOCATION_FIELDS, "target_groups")}
        slots = parse_days({day: field.data for day, field in enumerate(self.days())})
        values["hours"] = {"text": hours_text(slots), "slots": slots} if slots or service_had_hours else None
        return values


class ReportForm(BaseForm):
    note = TextAreaField(_l("Wat klopt er niet?"), [DataRequired(_l("Schrijf wat er niet klopt.")), Length(max=2000)],
                         filters=[_strip])
    email = _text(_l("Uw e-mailadres, als de gemeente u iets mag vragen"), 200, EmailCheck())


class HandleForm(VersionedForm):
    fields = CheckboxList(_l("Overnemen"), [Optional()], choices=[])


class SendLinkForm(BaseForm):
    email = _text(_l("E-mailadres van de aanbieder"), 200, EmailCheck(), required=True)
