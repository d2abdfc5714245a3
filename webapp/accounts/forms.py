"""Login form."""
from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Length

from webapp.forms import BaseForm


class LoginForm(BaseForm):
    email = EmailField(_l("E-mailadres"), [DataRequired(_l("Vul uw e-mailadres in.")), Length(max=254)])
    password = PasswordField(_l("Wachtwoord"), [DataRequired(_l("Vul uw wachtwoord in.")), Length(max=200)])
