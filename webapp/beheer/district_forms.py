"""Forms of the wijken page (/beheer/wijken): shape only; the rules live in geo/districts.py."""
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import RadioField, TextAreaField
from wtforms.validators import DataRequired, Length

from webapp.beheer.forms import _strip, _text
from webapp.forms import BaseForm, ChoiceField

KIND_CHOICES = [("wijk", _l("Wijk")), ("buurt", _l("Buurt"))]


class DistrictForm(BaseForm):
    gemeente = ChoiceField(_l("Gemeente"), [DataRequired(message=_l("Kies een gemeente."))], choices=[])
    name = _text(_l("Naam"), 100, required=True)
    kind = RadioField(_l("Soort"), choices=KIND_CHOICES, default="wijk")
    postcodes = TextAreaField(_l("Postcodes (zoals 7941 AB), gescheiden door spaties, komma's of nieuwe regels"),
                              [DataRequired(message=_l("Vul de postcodes van de wijk in, zoals 7941 AB.")),
                               Length(max=60000)], filters=[_strip])


class DistrictImportForm(BaseForm):
    csv_gemeente = ChoiceField(_l("Gemeente"), [DataRequired(message=_l("Kies een gemeente."))], choices=[])
    bestand = FileField(_l("CSV-bestand"), [FileRequired(_l("Kies een bestand.")),
                                            FileAllowed(["csv", "txt"], _l("Kies een bestand dat eindigt op .csv."))],
                        render_kw={"accept": ".csv"})


def with_gemeenten(form, gemeenten):
    """The form with the user's gemeenten as the only choices (a single one is chosen already)."""
    field = form.gemeente if hasattr(form, "gemeente") else form.csv_gemeente
    field.choices = [(name, name) for name in gemeenten]
    if len(gemeenten) == 1 and not field.data:
        field.data = gemeenten[0]
    return form
