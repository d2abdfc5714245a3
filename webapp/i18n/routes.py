"""The language switcher: /taal/<code>?terug=<path> keeps the choice in a cookie and goes back to the page."""
from flask import abort, redirect, request, url_for

from webapp.i18n import bp
from webapp.i18n.services import COOKIE, COOKIE_MAX_AGE, languages, safe_return_path


@bp.route("/taal/<code>")
def switch(code):
    if code not in languages():
        abort(404)
    response = redirect(safe_return_path(request.args.get("terug")) or url_for("directory.home"))
    response.set_cookie(COOKIE, code, max_age=COOKIE_MAX_AGE, secure=request.is_secure, httponly=True, samesite="Lax")
    return response
