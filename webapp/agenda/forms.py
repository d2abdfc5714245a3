"""The agenda's search form (GET, in the query string) and the beheer form of one activity."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, StringField, TextAreaField, TimeField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from webapp.agenda.recurrence import DEFAULT_PERIOD, PERIODS, REPEATS, repeat_of, rule_for
from webapp.agenda.services import AgendaQuery
from webapp.beheer.forms import _strip, _text
from webapp.forms import BaseForm, ChoiceField

FIELDS = ("title", "description", "starts_on", "start_time", "end_time", "place_name", "address")


class AgendaSearchForm(FlaskForm):
    class Meta:
        csrf = False  # a GET search changes nothing

    q = StringField(_l("Wat zoekt u?"), [Optional(), Length(max=200)])
    plaats = StringField(_l("Postcode, woonplaats of wijk"), [Optional(), Length(max=100)])
    periode = ChoiceField(_l("Wanneer"), [Optional()], choices=list(PERIODS.items()), default=DEFAULT_PERIOD)

    def to_query(self):
        return AgendaQuery(text=(self.q.data or "").strip(), near=(self.plaats.data or "").strip(),
                           period=self.periode.data or DEFAULT_PERIOD)


class ActivityForm(BaseForm):
    title = _text(_l("Naam van de activiteit"), 200, required=True)
    description = TextAreaField(_l("Omschrijving"), [Optional(), Length(max=2000)], filters=[_strip])
    starts_on = DateField(_l("Datum (de eerste keer)"), [DataRequired(_l("Vul een datum in."))])
    start_time = TimeField(_l("Begintijd"), [DataRequired(_l("Vul een begintijd in."))])
    end_time = TimeField(_l("Eindtijd"), [Optional()])
    repeat = ChoiceField(_l("Hoe vaak"), [Optional()], choices=list(REPEATS.items()), default="")
    until = DateField(_l("Herhalen tot en met"), [Optional()])
    place_name = _text(_l("Naam van de plek, als het niet bij de voorziening is"), 200)
    address = _text(_l("Adres, als het niet bij de voorziening is (straat en huisnummer, plaats)"), 300)

    @classmethod
    def for_activity(cls, activity):
        form = cls(obj=activity)
        form.repeat.data, form.until.data = repeat_of(activity.rrule)
        return form

    def validate_until(self, field):
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError(_l("Deze datum ligt voor de eerste keer."))

    def to_data(self):
        data = {name: getattr(self, name).data for name in FIELDS}
        data["description"] = data["description"] or ""
        data["rrule"] = rule_for(self.repeat.data or "", self.starts_on.data, self.until.data)
        return data
