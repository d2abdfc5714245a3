"""Moderation forms: shape only (required, lengths); the rules live in the services."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, HiddenField, RadioField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length, Optional

from webapp.forms import BaseForm, VersionedForm
from webapp.moderation.actions import REASON_MAX

REQUIRED = _l("Vul een reden in.")
TOO_LONG = _l("Gebruik hoogstens %(max)d tekens.")
CHOOSE = _l("Kies gegrond of ongegrond.")  # also for a value that is not a choice (WTForms says that in English)


def _reason(label):
    return TextAreaField(label, [DataRequired(REQUIRED), Length(max=REASON_MAX, message=TOO_LONG)])


class ApproveForm(VersionedForm):
    """Carries the version of the post the coördinator read: only that text can be approved."""


class RejectForm(VersionedForm):
    reason = _reason(_l("Reden van afwijzen (de plaatser krijgt deze reden per e-mail)"))


class BlockForm(BaseForm):
    reason = _reason(_l("Reden van blokkeren (komt in het logboek)"))
    back = HiddenField()  # which page to return to: "controle" or "meldingen"
    # Only for a beheerder of every gemeente of the person (routes remove it for anyone else).
    everywhere = BooleanField(_l("Overal blokkeren: de persoon kan nergens meer inloggen en al zijn of haar berichten "
                                 "gaan van de site"))


class ReportForm(BaseForm):
    reason = _reason(_l("Wat is er mis met dit bericht?"))
    email = EmailField(_l("Uw e-mailadres, als u de uitkomst wilt weten"),
                       [Optional(), Length(max=254, message=_l("Dit e-mailadres is te lang."))])


class HandleReportForm(BaseForm):
    outcome = RadioField(_l("Uitkomst"), [DataRequired(CHOOSE), AnyOf(("gegrond", "ongegrond"), message=CHOOSE)],
                         validate_choice=False, choices=[("gegrond", _l("Gegrond: haal het bericht offline")),
                                  ("ongegrond", _l("Ongegrond: het bericht blijft staan"))])
    note = TextAreaField(_l("Toelichting (komt in het logboek; bij gegrond krijgt de plaatser deze per e-mail)"),
                         [DataRequired(_l("Vul een toelichting in.")), Length(max=REASON_MAX, message=TOO_LONG)])
