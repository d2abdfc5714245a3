"""Forms of the CSV import: the upload, and the confirmation that carries the file's text back."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import HiddenField
from wtforms.validators import DataRequired

from webapp.forms import BaseForm


class ImportForm(BaseForm):
    bestand = FileField(_l("CSV-bestand"), [FileRequired(_l("Kies een bestand.")),
                                            FileAllowed(["csv", "txt"], _l("Kies een bestand dat eindigt op .csv."))],
                        render_kw={"accept": ".csv"})


class ConfirmImportForm(FlaskForm):
    # The text itself, not a stored upload: the confirmation reads and checks it again, so nothing is kept
    # between the two steps. plan_digest says what the preview showed (see csv_io.plan_digest).
    csv_text = HiddenField(validators=[DataRequired()])
    plan_digest = HiddenField()
