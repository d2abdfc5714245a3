"""The domain error services raise, and the app-wide error handlers."""
from flask import jsonify, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from webapp.extensions import db


class RuleViolation(Exception):
    """A business rule was broken; `reasons` is a list of (field, Dutch message) pairs."""

    def __init__(self, reasons):
        self.reasons = list(reasons)
        super().__init__("; ".join(message for _field, message in self.reasons))


def _wants_json():
    return request.path.startswith("/api/")


def _http_error(error):
    if _wants_json():
        return jsonify({"error": {"status": error.code, "message": _dutch_message(error.code)}}), error.code
    return error


def _server_error(error):
    db.session.rollback()  # a failed transaction must not leak into the next request
    if _wants_json():
        return jsonify({"error": {"status": 500, "message": _dutch_message(500)}}), 500
    return _("Er ging iets mis aan onze kant. Probeer het later nog eens."), 500


def _dutch_message(code):
    messages = {
        400: _("De vraag aan de server klopt niet."),
        404: _("Deze pagina of dit onderdeel bestaat niet (meer)."),
        405: _("Deze handeling is hier niet toegestaan."),
        429: _("U heeft te veel verzoeken gedaan. Wacht even en probeer het opnieuw."),
        500: _("Er ging iets mis aan onze kant. Probeer het later nog eens."),
    }
    return messages.get(code, _("Er ging iets mis."))


def init_app(app):
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(500, _server_error)
