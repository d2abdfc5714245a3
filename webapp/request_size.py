"""How large a request may be: forms 2 MB, the beheer CSV import more; a larger one gets a Dutch 413 at once.

The body of a refused request is never read, so nothing of it reaches a temporary file or the database.
"""
from flask import Request, abort, current_app, request
from flask_login import current_user

# The CSV file itself may be 2 MB (beheer.csv_io MAX_BYTES); the confirm step posts its text back
# percent-encoded, which can make it up to three times larger.
IMPORT_ENDPOINTS = {"beheer.import_csv", "beheer.confirm_import"}


class SizedRequest(Request):
    """Flask's request with a larger maximum for a beheerder's import (the URL is matched and the session
    cookie read before the body, so both are known here); anyone else gets the form maximum there too."""

    def _importing(self):
        return (self.endpoint in IMPORT_ENDPOINTS and current_user.is_authenticated
                and current_user.role == "beheerder")

    @property
    def max_content_length(self):
        if self._importing():
            return current_app.config["IMPORT_MAX_CONTENT_LENGTH"]
        return super().max_content_length

    @property
    def max_form_memory_size(self):
        if self._importing():
            return current_app.config["IMPORT_MAX_CONTENT_LENGTH"]
        return super().max_form_memory_size


def _refuse_too_large():
    """Refuse by the announced length before anything reads the body (a view that never reads the form,
    CSRF switched off); a body without a length is cut off by Werkzeug at the same maximum."""
    limit = request.max_content_length
    if limit is not None and request.content_length is not None and request.content_length > limit:
        abort(413)


def init_app(app):
    app.request_class = SizedRequest
    # First of all before-request functions: CSRFProtect reads the form in its own.
    app.before_request_funcs.setdefault(None, []).insert(0, _refuse_too_large)
