"""The subscription form: shape only; the rules are in services.py."""
from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, RadioField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from webapp.alerts.models import AT_ONCE, DAILY, WEEKLY
from webapp.forms import BaseForm
from webapp.posts.vocab import CATEGORIES, OFFER, REQUEST

KIND_CHOICES = [(REQUEST, _l("Nieuwe hulpvragen (ik wil helpen)")), (OFFER, _l("Nieuw hulpaanbod (ik zoek hulp)"))]
FREQUENCY_CHOICES = [(AT_ONCE, _l("Meteen, één mail per bericht")), (DAILY, _l("Eén mail per dag")),
                     (WEEKLY, _l("Eén mail per week"))]


class SubscribeForm(BaseForm):
    kind = RadioField(_l("Waarover wilt u een mail?"), [DataRequired(_l("Kies waarover u een mail wilt."))],
                      choices=KIND_CHOICES, default=REQUEST)
    place = StringField(_l("In de buurt van (postcode of woonplaats)"),
                        [DataRequired(_l("Vul een postcode of woonplaats in.")), Length(max=200)])
    radius_km = IntegerField(_l("Hoe ver weg, in kilometers (minstens 1)"),
                             [InputRequired(_l("Vul een afstand in, in hele kilometers."))], default=5)
    categories = SelectMultipleField(_l("Onderwerpen (geen keuze: alle onderwerpen)"), [Optional()],
                                     choices=list(CATEGORIES.items()), option_widget=CheckboxInput(),
                                     widget=ListWidget(prefix_label=False))
    frequency = RadioField(_l("Hoe vaak?"), [DataRequired(_l("Kies hoe vaak u een mail wilt."))],
                           choices=FREQUENCY_CHOICES, default=AT_ONCE)
