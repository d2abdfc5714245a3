"""The dashboard's choice of gemeente and period: a GET form, every field in the query string."""
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField
from wtforms.validators import Optional, ValidationError

from webapp.dashboard.periods import Period
from webapp.forms import BaseForm

LONGEST = timedelta(days=2 * 366)
FIRST, LAST = date(2000, 1, 1), date(2100, 12, 31)  # also keeps the UTC bounds of a period computable


def _iso_date(_form, field):
    if not field.data:
        return
    day = _parse(field.data)
    if day is None:
        raise ValidationError(_l("Vul de datum in als JJJJ-MM-DD, bijvoorbeeld 2024-03-01."))
    if not FIRST <= day <= LAST:
        raise ValidationError(_l("Kies een datum tussen 2000 en 2100."))


def _parse(text):
    try:
        return date.fromisoformat(text.strip()) if len(text.strip()) == 10 else None
    except ValueError:
        return None


class DashboardForm(BaseForm):
    class Meta:
        csrf = False  # a GET page that changes nothing

    gemeente = SelectField(_l("Gemeente"), [Optional()], validate_choice=False)
    van = StringField(_l("Van (datum)"), [Optional(), _iso_date])
    tot = StringField(_l("Tot en met (datum)"), [Optional(), _iso_date])

    def period(self, now):
        """The chosen period (default: the last 12 weeks); call after validate(). Adds errors and returns None
        when the dates do not make a period."""
        end = _parse(self.tot.data or "") or Period.last_weeks(now).end
        start = _parse(self.van.data or "") or Period.weeks_until(end).start
        if start > end:
            self.van.errors = [_l("De datum ‘van’ moet vóór de datum ‘tot en met’ liggen.")]
        elif end - start > LONGEST:
            self.van.errors = [_l("Kies een periode van hooguit twee jaar.")]
        else:
            return Period(start, end)
        return None
