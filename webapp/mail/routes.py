"""The one-click unsubscribe link of every mail that is not strictly needed."""
from flask import render_template

from webapp.extensions import csrf
from webapp.mail import bp, services


@bp.route("/afmelden/<token>", methods=["GET", "POST"])
@csrf.exempt  # POST is RFC 8058's one-click from a mail program: the signed token is the proof
def unsubscribe(token):
    if not services.opt_out(token):
        return render_template("mail_dev/unsubscribe_invalid.html"), 400
    return render_template("mail_dev/unsubscribed.html")
