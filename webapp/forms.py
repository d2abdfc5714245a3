"""The base form, which turns a service's RuleViolation into field errors, and widgets every package uses."""
from flask_wtf import FlaskForm
from wtforms import SelectMultipleField
from wtforms.widgets import CheckboxInput, ListWidget


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
