"""Matching forms: shape only (required, lengths, choices); the rules live in services.py and decisions.py."""
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from webapp.forms import BaseForm, OnceForm
from webapp.matching.vocab import MAX_COMMENT, MAX_MESSAGE, MAX_REASON, VERDICTS

ID_LENGTH = Length(max=36)


def _message_field(label):
    return TextAreaField(label, [DataRequired(_l("Schrijf een bericht.")), Length(max=MAX_MESSAGE)])


class ReactForm(BaseForm):
    message = _message_field(_l("Uw bericht"))


class ReactToOfferForm(BaseForm):
    request_id = RadioField(_l("Voor welke hulpvraag?"), [DataRequired(_l("Kies een van uw hulpvragen."))],
                            choices=[])
    message = _message_field(_l("Uw bericht"))


class MessageForm(OnceForm):
    message = _message_field(_l("Nieuw bericht"))


class CompleteForm(BaseForm):
    verdict = RadioField(_l("Hoe ging het?"), [Optional()], choices=list(VERDICTS.items()))
    comment = TextAreaField(_l("Toelichting"), [Optional(), Length(max=MAX_COMMENT)])


class CancelForm(BaseForm):
    reason = TextAreaField(_l("Reden"), [DataRequired(_l("Schrijf waarom u de koppeling annuleert.")),
                                         Length(max=MAX_REASON)])


class NoteForm(BaseForm):
    note = TextAreaField(_l("Notitie (alleen voor coördinatoren)"),
                         [DataRequired(_l("Schrijf een notitie.")), Length(max=MAX_REASON)])


class ProposeForm(BaseForm):
    request_id = StringField(validators=[DataRequired(), ID_LENGTH])
    offer_id = StringField(validators=[Optional(), ID_LENGTH])
