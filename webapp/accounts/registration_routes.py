"""Registering, confirming the address, forgotten password: the same answer for every address."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from webapp import ratelimit
from webapp.accounts import bp, registration, sessions, tokens
from webapp.accounts.forms import EmailForm, NewPasswordForm, RegisterForm
from webapp.errors import RuleViolation


@bp.route("/registreren", methods=["GET", "POST"])
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            with ratelimit.reserve(("RATELIMIT_REGISTER", ratelimit.remote_address())):
                registration.register(form.email.data, form.password.data, form.display_name.data,
                                      form.postcode.data)
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        else:
            return render_template("accounts/check_mail.html", purpose="register")
    return render_template("accounts/register.html", form=form)


@bp.route("/bevestigen/<token>")
def confirm_email(token):
    try:
        registration.confirm_email(token[:1000])
    except RuleViolation as violation:
        return tokens.problem_page(violation)
    flash(_("Uw e-mailadres is bevestigd. U kunt nu inloggen."), "success")
    return redirect(url_for("accounts.login"))


@bp.route("/wachtwoord-vergeten", methods=["GET", "POST"])
def forgot_password():
    form = EmailForm()
    if form.validate_on_submit():
        registration.request_password_reset(form.email.data)
        return render_template("accounts/check_mail.html", purpose="reset")
    return render_template("accounts/forgot_password.html", form=form)


@bp.route("/wachtwoord-herstellen/<token>", methods=["GET", "POST"])
def reset_password(token):
    form = NewPasswordForm()
    if form.validate_on_submit():
        try:
            user = registration.reset_password(token[:1000], form.password.data)
        except RuleViolation as violation:
            if violation.reasons[0][0] == "token":
                return tokens.problem_page(violation)
            form.populate_errors(violation.reasons)
        else:
            sessions.start(user)
            flash(_("Uw nieuwe wachtwoord is ingesteld. Op andere apparaten bent u uitgelogd."), "success")
            return redirect(url_for("accounts.account"))
    return render_template("accounts/reset_password.html", form=form)
