"""The base form: turns a service's RuleViolation into field errors."""
from flask_wtf import FlaskForm


class BaseForm(FlaskForm):
    def populate_errors(self, reasons):
        """Attach (field, message) pairs to the fields; unknown fields go to the form as a whole."""
        for name, message in reasons:
            field = getattr(self, name, None)
            if field is not None and hasattr(field, "errors"):
                field.errors = list(field.errors) + [message]
            else:
                self.form_errors.append(message)
