"""The base forms (RuleViolation to field errors; the version an edit form was made from; a create form's
token) and the fields and widgets every package shares."""
import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.i18n import translations
from wtforms import Form, HiddenField, IntegerField, SelectField, SelectMultipleField
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from webapp.email_address import invalid_email_message, valid_email
from webapp.models_base import new_uuid
MAX_PAGE = 1000


def page_number(raw):
    """The page number typed in `raw` (1 to MAX_PAGE), else None.

    The one parser for every 'pagina' parameter: ASCII digits only ('²' is a digit to isdigit() but not to int())
    and at most four of them, so 400 digits never reach int() or a float comparison.
    """
    raw = (raw or "").strip()
    if re.fullmatch(r"[0-9]{1,4}", raw) and 1 <= int(raw) <= MAX_PAGE:
        return int(raw)
    return None


class PageField(IntegerField):
    """A page number from the query string: empty means page 1, anything else must be 1 to MAX_PAGE."""

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("default", 1)
        super().__init__(label, validators, **kwargs)

    def process_formdata(self, valuelist):
        raw = valuelist[0] if valuelist else ""
        self.data = page_number(raw) or 1
        if raw.strip() and page_number(raw) is None:
            raise ValueError(_l("Kies een pagina van 1 tot en met %(max)d.", max=MAX_PAGE))


class EmailCheck:
    """WTForms validator: the site's one e-mail check (accounts.services.valid_email), message in Dutch."""

    def __call__(self, form, field):
        if field.data and valid_email(field.data) is None:
            raise ValidationError(invalid_email_message())


class SubForm(Form):
    """A form inside a FieldList/FormField (a row of opening hours): WTForms' own messages in Dutch too."""

    class Meta:
        def get_translations(self, form):
            return translations


class ChoiceField(SelectField):
    """A SelectField that reads blanks around the value as nothing.

    With Optional(), WTForms keeps a sent " " as the data and drops its own 'not a valid choice' error, so
    float(" ") or int(" ") later failed with a 500. Stripped, " " is simply 'nothing chosen'.
    """

    def process_formdata(self, valuelist):
        super().process_formdata([value.strip() if isinstance(value, str) else value for value in valuelist])


class BaseForm(FlaskForm):
    def populate_errors(self, reasons):
        """Attach (field, message) pairs to the fields; unknown fields go to the form as a whole."""
        for name, message in reasons:
            field = getattr(self, name, None)
            if field is not None and hasattr(field, "errors"):
                field.errors = list(field.errors) + [message]
            else:
                self.form_errors.append(message)

    def problems(self):
        """[(field id, message)] for every field with an error, also inside lists of sub-forms (hours rows)."""
        return list(_problems(self))


class VersionedForm(BaseForm):
    """An edit form carries the version of the row it shows: a save made after someone else's is refused (409)
    instead of silently undoing it (webapp.database.check_version)."""

    version = HiddenField()

    def show_version(self, row):
        self.version.data = str(row.version)
        return self

    def seen_version(self):
        """The version the page showed; None when the request carried none; 0 (never a version) when garbled."""
        return parse_version(self.version.data)


def parse_version(value):
    """A hidden version field's value: None when empty; 0 (never a version) when garbled."""
    value = str(value or "").strip()
    if not value:
        return None
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else 0


class OnceForm(BaseForm):
    """A create form carries a one-time token: sent twice, it makes one row (webapp.submissions)."""

    submission = HiddenField(default=new_uuid)


NOT_INPUT = {"HiddenField", "CSRFTokenField", "SubmitField"}


def differences(saved, sent):
    """[(label, saved value as text)] for every input whose saved value differs from what the user sent in.

    `saved` is the same form filled from the row as it is now (formdata=None), `sent` the one the user posted.
    """
    return [(field.label.text, _shown(field)) for name, field in saved._fields.items()
            if field.type not in NOT_INPUT and (field.data or None) != (sent[name].data or None)]


def _shown(field):
    labels = {str(value): label for value, label, *_rest in getattr(field, "choices", None) or []}
    values = field.data if isinstance(field.data, (list, tuple)) else [field.data]
    return ", ".join(str(labels.get(str(value), value)) for value in values if value not in (None, ""))


def _problems(fields):
    for field in fields:
        entries = getattr(field, "entries", None)
        if entries is not None:  # a FieldList
            for entry in entries:
                yield from _problems([entry])
        elif hasattr(field, "form") and hasattr(field.form, "_fields"):  # a FormField
            yield from _problems(field.form)
        else:
            for message in field.errors:
                yield field.id, message


class CheckboxList(SelectMultipleField):
    """A multiple choice shown as a list of checkboxes."""
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()
