"""Login form."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, RadioField, SelectField, StringField
from wtforms.validators import DataRequired, Length

from webapp.accounts.phone import SHARE_CHOICES
from webapp.forms import BaseForm, OnceForm, VersionedForm


class LoginForm(BaseForm):
    email = EmailField(_l("E-mailadres"), [DataRequired(_l("Vul uw e-mailadres in.")), Length(max=254)])
    password = PasswordField(_l("Wachtwoord"), [DataRequired(_l("Vul uw wachtwoord in.")), Length(max=200)])


class RegisterForm(BaseForm):
    email = EmailField(_l("E-mailadres"), [DataRequired(_l("Vul uw e-mailadres in.")), Length(max=254)])
    password = PasswordField(_l("Wachtwoord (minstens 10 tekens)"), [DataRequired(_l("Kies een wachtwoord.")),
                                                                     Length(max=200)])
    display_name = StringField(_l("Uw voornaam of roepnaam"), [DataRequired(_l("Vul een naam in.")), Length(max=100)])
    postcode = StringField(_l("Postcode"), [DataRequired(_l("Vul uw postcode in.")), Length(max=7)])
    privacy = BooleanField(_l("Ik heb de privacyverklaring gelezen."),
                           [DataRequired(_l("Lees eerst de privacyverklaring en zet dan een vinkje."))])


class EmailForm(BaseForm):
    email = EmailField(_l("E-mailadres"), [DataRequired(_l("Vul uw e-mailadres in.")), Length(max=254)])


class NewPasswordForm(BaseForm):
    password = PasswordField(_l("Nieuw wachtwoord (minstens 10 tekens)"),
                             [DataRequired(_l("Kies een wachtwoord.")), Length(max=200)])


class DetailsForm(VersionedForm):
    display_name = StringField(_l("Uw voornaam of roepnaam"), [DataRequired(_l("Vul een naam in.")), Length(max=100)])
    postcode = StringField(_l("Postcode"), [DataRequired(_l("Vul uw postcode in.")), Length(max=7)])
    phone = StringField(_l("Telefoonnummer (mag leeg blijven)"), [Length(max=40)])
    # Checked by the service (phone.check_share): a missing choice keeps the saved one.
    share_contact = RadioField(_l("Wat krijgt een helper of vrager van u als een coördinator de koppeling bevestigt?"),
                               choices=list(SHARE_CHOICES.items()), validate_choice=False)


class ChangePasswordForm(BaseForm):
    current = PasswordField(_l("Huidig wachtwoord"), [DataRequired(_l("Vul uw huidige wachtwoord in."))])
    password = PasswordField(_l("Nieuw wachtwoord (minstens 10 tekens)"),
                             [DataRequired(_l("Kies een wachtwoord.")), Length(max=200)])


class ChangeEmailForm(BaseForm):
    email = EmailField(_l("Nieuw e-mailadres"), [DataRequired(_l("Vul uw nieuwe e-mailadres in.")), Length(max=254)])
    password = PasswordField(_l("Uw wachtwoord"), [DataRequired(_l("Vul uw wachtwoord in."))])


class DeleteAccountForm(BaseForm):
    password = PasswordField(_l("Uw wachtwoord"), [DataRequired(_l("Vul uw wachtwoord in."))])


class IntakeForm(OnceForm):
    display_name = StringField(_l("Naam van de inwoner"), [DataRequired(_l("Vul een naam in.")), Length(max=100)])
    postcode = StringField(_l("Postcode"), [DataRequired(_l("Vul de postcode in.")), Length(max=7)])
    phone = StringField(_l("Telefoon"), [DataRequired(_l("Vul een telefoonnummer in.")), Length(max=40)])
    gemeente = SelectField(_l("Gemeente"), choices=[])
