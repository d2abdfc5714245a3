"""The search form: a GET form whose every field lives in the query string, so a result URL can be shared."""
import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField, StringField
from wtforms.validators import Length, Optional, ValidationError

from webapp.directory import languages
from webapp.directory.services import ServiceQuery
from webapp.directory.vocab import ACCESS_ROUTES, THEMES
from webapp.forms import CheckboxList, ChoiceField, PageField

RADII = ("2", "5", "10", "25", "50")
PER_PAGE = 10
POINT = re.compile(r"^\s*(-?\d{1,2}(?:\.\d{1,6})?)\s*,\s*(-?\d{1,3}(?:\.\d{1,6})?)\s*$")


def point_of(text):
    """(lat, lon) from the hidden "gebruik mijn locatie" field, or None."""
    match = POINT.match(text or "")
    return (float(match[1]), float(match[2])) if match else None


def _point(_form, field):
    if field.data and not POINT.match(field.data):
        raise ValidationError(_l("Uw locatie kon niet worden gelezen. Vul een postcode of woonplaats in."))


class SearchForm(FlaskForm):
    class Meta:
        csrf = False  # a GET search changes nothing

    q = StringField(_l("Waar zoekt u hulp bij?"), [Optional(), Length(max=200)])
    plaats = StringField(_l("Postcode of woonplaats"), [Optional(), Length(max=100)])
    bij = HiddenField(validators=[Optional(), _point])
    straal = ChoiceField(_l("Afstand"), [Optional()],
                         choices=[("", _l("Alle afstanden"))] + [(r, _l("Binnen %(km)s km", km=r)) for r in RADII])
    thema = CheckboxList(_l("Onderwerp"), [Optional()], choices=list(THEMES.items()))
    toegang = ChoiceField(_l("Hoe komt u binnen?"), [Optional()],
                          choices=[("", _l("Alle manieren"))] + list(ACCESS_ROUTES.items()))
    gemeente = SelectField(_l("Gemeente"), [Optional()], choices=[("", _l("Alle gemeenten"))], validate_choice=False)
    nu_open = BooleanField(_l("Nu open"))
    taal = ChoiceField(_l("Taal van de medewerkers"), [Optional()],
                       choices=[("", _l("Alle talen"))] + languages.choices())
    pagina = PageField(_l("Pagina"))

    def validate_straal(self, field):
        if field.data and not self.has_place():
            raise ValidationError(_l("Vul ook een postcode of woonplaats in om op afstand te zoeken."))

    def validate_gemeente(self, field):
        if field.data and field.data not in dict(field.choices):
            raise ValidationError(_l("Kies een gemeente uit de lijst."))

    def to_query(self):
        return ServiceQuery(
            text=(self.q.data or "").strip(),
            near=(self.plaats.data or "").strip(),
            near_point=None if (self.plaats.data or "").strip() else point_of(self.bij.data),
            radius_km=float(self.straal.data) if self.straal.data else None,
            themes=tuple(self.thema.data or ()),
            access=self.toegang.data or None,
            gemeente=self.gemeente.data or None,
            open_now=bool(self.nu_open.data),
            language=self.taal.data or None,
            page=self.pagina.data or 1,
            per_page=PER_PAGE,
        )

    def has_place(self):
        return bool((self.plaats.data or "").strip() or self.bij.data)
