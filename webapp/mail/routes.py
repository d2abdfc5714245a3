"""The one-click unsubscribe link of every mail that is not strictly needed.

GET only shows a button: mail scanners open links, and must not opt people out. POST does it, from that button
or from a mail program (RFC 8058: `List-Unsubscribe-Post: List-Unsubscribe=One-Click` to the same URL).
"""
from flask import render_template, request

from webapp.extensions import csrf
from webapp.mail import bp, services


@bp.route("/afmelden/<token>", methods=["GET", "POST"])
@csrf.exempt  # a mail program's one-click POST carries no CSRF token: the signed token is the proof
def unsubscribe(token):
    if not services.read_unsubscribe_token(token):
        return render_template("mail_dev/unsubscribe_invalid.html"), 400
    if request.method == "GET":
        return render_template("mail_dev/unsubscribe_confirm.html", token=token)
    services.opt_out(token)
    return render_template("mail_dev/unsubscribed.html")
