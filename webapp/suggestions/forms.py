"""The 'Verwijs door' form: which of the fitting voorzieningen, and an optional note for the asker."""
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from webapp.forms import BaseForm
from webapp.suggestions.referrals import MAX_NOTE


class ReferralForm(BaseForm):
    # Any voorziening id may come back; referrals.refer decides whether it exists (validate_choice=False).
    service_id = RadioField(_l("Naar welke voorziening verwijst u?"), validate_choice=False,
                            validators=[InputRequired(_l("Kies een voorziening uit de lijst.")), Length(max=36)])
    note = TextAreaField(_l("Toelichting voor de hulpvrager"), validators=[
        Optional(), Length(max=MAX_NOTE, message=_l("De toelichting mag hoogstens %(max)d tekens hebben."))])

    def offer(self, services):
        self.service_id.choices = [(service.id, service.name) for service in services]
        return self
