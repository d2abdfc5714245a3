"""The one-click unsubscribe link of every mail that is not strictly needed.

GET only shows a button: mail scanners open links, and must not opt people out. POST does it, from that button
or from a mail program (RFC 8058: `List-Unsubscribe-Post: List-Unsubscribe=One-Click` to the same URL).
"""
from flask import render_template, request

from webapp.accounts import bp
from webapp.accounts.unsubscribe import opt_out, read_unsubscribe_token
from webapp.extensions import csrf


@bp.route("/afmelden/<token>", methods=["GET", "POST"])
@csrf.exempt  # a mail program's one-click POST carries no CSRF token: the signed token is the proof
def unsubscribe(token):
    if not read_unsubscribe_token(token):
        return render_template("accounts/unsubscribe_invalid.html"), 400
    if request.method == "GET":
        return render_template("accounts/unsubscribe_confirm.html", token=token)
    opt_out(token)
    return render_template("accounts/unsubscribed.html")
