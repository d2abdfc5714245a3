"""The domain error services raise, and the app-wide error pages (Dutch HTML, or JSON under /api/)."""
from flask import jsonify, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException, SecurityError

from webapp.database import StaleVersion
from webapp.extensions import db


class RuleViolation(Exception):
    """A business rule was broken; `reasons` is a list of (field, Dutch message) pairs."""

    def __init__(self, reasons):
        self.reasons = list(reasons)
        super().__init__("; ".join(message for _field, message in self.reasons))


def _message(code):
    messages = {
        400: _("De vraag aan de website klopt niet."),
        403: _("U mag deze pagina niet bekijken."),
        404: _("Deze pagina bestaat niet (meer)."),
        405: _("Deze handeling is hier niet toegestaan."),
        409: _("Iemand anders heeft dit net tegelijk met u gewijzigd. Er is niets opgeslagen. Bekijk de pagina opnieuw "
               "en probeer het nog eens."),
        413: _("Wat u stuurde is te groot: hoogstens 2 MB. Maak het kleiner en probeer het opnieuw."),
        429: _("U heeft te veel verzoeken gedaan. Wacht even en probeer het dan opnieuw."),
        500: _("Er ging iets mis aan onze kant. Probeer het later nog eens."),
    }
    return messages.get(code, _("Er ging iets mis."))


def _respond(code, template="errors/error.html"):
    if request.path.startswith("/api/"):
        return jsonify({"error": {"status": code, "message": _message(code)}}), code
    return render_template(template, code=code, message=_message(code)), code


def _http_error(error):
    if isinstance(error, SecurityError):
        # A Host header that is not SITE_URL's: no URL can be built for it, so no page either; plain words.
        return _("Dit is niet het adres van deze website."), 400, {"Content-Type": "text/plain; charset=utf-8"}
    return _respond(error.code or 500)


def _csrf_error(_error):
    return _respond(400, "errors/form_expired.html")


def _server_error(_error):
    db.session.rollback()  # a failed transaction must not leak into the next request
    return _respond(500)


def _concurrent_change(_error):
    """Two people saved the same row at once (a version check failed, e.g. on PostgreSQL): the second is told so."""
    db.session.rollback()
    return _respond(409)


def init_app(app):
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(StaleDataError, _concurrent_change)
    app.register_error_handler(StaleVersion, _concurrent_change)  # a route that shows no form of its own
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(500, _server_error)
