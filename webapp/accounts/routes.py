"""Logging in and out."""
from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from webapp import ratelimit
from webapp.accounts import bp, registration, services, sessions
from webapp.accounts.forms import LoginForm
from webapp.ratelimit.responses import wait_text


@bp.route("/inloggen", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        try:
            # Taken before the password is checked, so parallel guesses cannot slip past the limit.
            attempt = ratelimit.reserve(("RATELIMIT_LOGIN_ACCOUNT", services.normalise_email(form.email.data)),
                                        ("RATELIMIT_LOGIN_ADDRESS", ratelimit.remote_address()))
        except ratelimit.LimitReached as limit:
            return _login_limited(form, limit)
        user = services.authenticate(form.email.data, form.password.data)
        if user is not None:
            attempt.give_back()  # only wrong passwords count
        if user is not None and not user.email_confirmed_at:
            # Only now, with the right password, may the site say the address still needs confirming.
            registration.resend_confirmation(user)
            form.form_errors.append(_("Bevestig eerst uw e-mailadres. We hebben de link opnieuw gestuurd."))
        elif user is not None:
            sessions.start(user)  # nothing of an earlier visitor's session (acting for someone) carries over
            flash(_("U bent ingelogd."), "success")
            return redirect(_safe_next(request.args.get("next")))
        else:
            # The same words for an unknown address and a wrong password: nobody learns who has an account.
            form.form_errors.append(_("Het e-mailadres of het wachtwoord klopt niet."))
    return render_template("accounts/login.html", form=form)


@bp.route("/uitloggen", methods=["POST"])
@login_required
def logout():
    sessions.end_everywhere(current_user._get_current_object())
    flash(_("U bent uitgelogd."), "success")
    return redirect(url_for("directory.home"))


def _login_limited(form, limit):
    """Too many wrong passwords: never a lockout, a new password by mail always works."""
    form.form_errors.append(_("U heeft te vaak een verkeerd wachtwoord ingevuld.") + " " + wait_text(limit.retry_after)
                            + " " + _("Of kies een nieuw wachtwoord via 'Wachtwoord vergeten?'."))
    return render_template("accounts/login.html", form=form), 429, {"Retry-After": str(limit.retry_after)}


def _safe_next(target):
    """Only a path on this site: never an open redirect to another host."""
    parts = urlsplit(target or "")
    if target and not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//"):
        return target
    if current_user.has_role("beheerder"):
        return url_for("beheer.index")
    return url_for("workbench.index") if current_user.has_role("coordinator") else url_for("accounts.account")
