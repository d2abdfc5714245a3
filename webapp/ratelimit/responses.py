"""The answer when a limit is used up: a Dutch page (JSON under /api/) that says how long to wait, and Retry-After."""
import math
import time

from flask import current_app, jsonify, render_template, request
from flask_babel import gettext as _
from flask_babel import ngettext


def wait_text(seconds):
    """'Probeer het over 15 minuten opnieuw.' (whole minutes, whole hours from 90 minutes on)."""
    minutes = max(1, math.ceil((seconds - 2) / 60))  # a second or two of rounding is not another minute
    if minutes < 90:
        when = ngettext("over %(num)d minuut", "over %(num)d minuten", minutes)
    else:
        when = _("over %(num)d uur", num=math.ceil(minutes / 60))
    return _("Probeer het %(when)s opnieuw.", when=when)


def kept_form(form, limit, sentence):
    """A limit stopped a form: the Dutch reason and how long to wait go on the form itself, so nothing typed is
    lost. Returns the (status, headers) for the page that shows the form again."""
    form.form_errors.append(sentence + " " + wait_text(limit.retry_after))
    return 429, {"Retry-After": str(limit.retry_after)}


def too_many_requests(error):
    seconds = _retry_after(error)
    message = _("U heeft dit te vaak gedaan in korte tijd.") + " " + wait_text(seconds)
    if request.path.startswith("/api/"):
        response = jsonify({"error": {"status": 429, "message": message, "retry_after": seconds}})
    else:
        response = current_app.make_response(render_template("errors/too_many_requests.html", message=message))
    response.status_code = 429
    response.headers["Retry-After"] = str(seconds)
    return response


def _retry_after(error):
    """Seconds to wait: from our own LimitReached, or from the limit Flask-Limiter found used up."""
    if getattr(error, "retry_after", None):
        return error.retry_after
    limiter = current_app.extensions.get("ratelimit")
    current = limiter.current_limit if limiter else None
    if current is not None:
        return max(1, math.ceil(current.reset_at - time.time()))
    return 60
