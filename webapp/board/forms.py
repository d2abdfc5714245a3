"""The board's search form: a GET form whose every field lives in the query string, so a link can be shared."""
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, RadioField, StringField
from wtforms.validators import Length, Optional, Regexp, ValidationError

from webapp.board.queries import KINDS, post_query
from webapp.directory.forms import POINT, RADII, point_of
from webapp.forms import BaseForm, CheckboxList, ChoiceField, PageField
from webapp.posts.vocab import CATEGORIES, OFFER, REQUEST

PER_PAGE = 10
SOORTEN = {"hulpvragen": (REQUEST,), "hulpaanbod": (OFFER,), "beide": KINDS}


class BoardSearchForm(BaseForm):
    class Meta:
        csrf = False  # a GET search changes nothing

    q = StringField(_l("Zoekwoorden"), [Optional(), Length(max=200)])
    soort = RadioField(_l("Wat zoekt u?"), [Optional()], default="beide",
                       choices=[("beide", _l("Vragen en aanbod")), ("hulpvragen", _l("Hulpvragen: iemand zoekt hulp")),
                                ("hulpaanbod", _l("Hulpaanbod: iemand wil helpen"))])
    categorie = CheckboxList(_l("Soort hulp"), [Optional()], choices=list(CATEGORIES.items()))
    plaats = StringField(_l("Postcode of woonplaats"), [Optional(), Length(max=100)])
    bij = HiddenField(validators=[Optional(), Regexp(POINT, message=_l(  # "gebruik mijn locatie", js/locate.js
        "Uw locatie kon niet worden gelezen. Vul een postcode of woonplaats in."))])
    afstand = ChoiceField(_l("Afstand"), [Optional()],
                          choices=[("", _l("Alle afstanden"))] + [(r, _l("Binnen %(km)s km", km=r)) for r in RADII])
    pagina = PageField(_l("Pagina"))

    def validate_afstand(self, field):
        if field.data and not ((self.plaats.data or "").strip() or self.bij.data):
            raise ValidationError(_l("Vul ook een postcode of woonplaats in om op afstand te zoeken."))

    def validate(self, extra_validators=None):
        """A position we cannot read is told at the place field: there the resident can type a place instead."""
        valid = super().validate(extra_validators)
        self.plaats.errors, self.bij.errors = [*self.plaats.errors, *self.bij.errors], []
        return valid

    def to_query(self):
        return post_query(text=self.q.data, kinds=SOORTEN.get(self.soort.data, KINDS), categories=self.categorie.data,
                          near=self.plaats.data, near_point=point_of(self.bij.data),
                          radius_km=float(self.afstand.data) if self.afstand.data else None,
                          page=self.pagina.data, per_page=PER_PAGE)
