"""Mijn account: details, password, e-mail address, data download, deleting the account."""
import json

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from webapp.accounts import acting, bp, phone, profile, sessions, tokens
from webapp.accounts.forms import ChangeEmailForm, ChangePasswordForm, DeleteAccountForm, DetailsForm
from webapp.database import StaleVersion
from webapp.errors import RuleViolation
from webapp.forms import differences


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    user = acting.effective_user()
    form = DetailsForm(data={**_details(user), "version": user.version})
    if form.validate_on_submit():
        try:
            profile.update_details(user, form.display_name.data, form.postcode.data, form.seen_version(),
                                   phone_number=form.phone.data, share_contact=form.share_contact.data)
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        except StaleVersion:
            saved = DetailsForm(formdata=None, data=_details(user))
            return render_template("accounts/account.html", form=form.show_version(user), user=user,
                                   conflict=differences(saved, form)), 409
        else:
            flash(_("Uw gegevens zijn opgeslagen."), "success")
            return redirect(url_for("accounts.account"))
    return render_template("accounts/account.html", form=form, user=user)


def _details(user):
    return {"display_name": user.display_name, "postcode": user.postcode, "phone": phone.display(user.phone),
            "share_contact": user.share_contact}


@bp.route("/account/wachtwoord", methods=["GET", "POST"])
@login_required
def change_password():
    return _own_account_form(ChangePasswordForm(), "accounts/change_password.html", _change_password)


@bp.route("/account/e-mail", methods=["GET", "POST"])
@login_required
def change_email():
    return _own_account_form(ChangeEmailForm(), "accounts/change_email.html", _change_email)


@bp.route("/account/verwijderen", methods=["GET", "POST"])
@login_required
def delete_account():
    return _own_account_form(DeleteAccountForm(), "accounts/delete_account.html", _delete)


@bp.route("/account/e-mail/bevestigen/<token>")
def confirm_email_change(token):
    try:
        profile.confirm_email_change(token[:1000])
    except RuleViolation as violation:
        return tokens.problem_page(violation)
    flash(_("Uw nieuwe e-mailadres is bevestigd."), "success")
    return redirect(url_for("accounts.account") if current_user.is_authenticated else url_for("accounts.login"))


@bp.route("/account/mijn-gegevens.json")
@login_required
def download_data():
    data = json.dumps(profile.export_data(acting.effective_user()), ensure_ascii=False, indent=2)
    return Response(data, content_type="application/json; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="mijn-gegevens-buurtkaart.json"'})


def _own_account_form(form, template, action):
    """Password, e-mail and deletion need the account holder's own password: never while acting for someone."""
    if acting.acting_for() is not None:
        flash(_("Dit kan alleen de inwoner zelf."), "info")
        return redirect(url_for("accounts.account"))
    if form.validate_on_submit():
        try:
            return action(form)
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
    return render_template(template, form=form)


def _change_password(form):
    user = current_user._get_current_object()
    profile.change_password(user, form.current.data, form.password.data)
    sessions.start(user)  # this session carries on; the others end
    flash(_("Uw wachtwoord is gewijzigd. Op andere apparaten bent u uitgelogd."), "success")
    return redirect(url_for("accounts.account"))


def _change_email(form):
    profile.request_email_change(current_user._get_current_object(), form.email.data, form.password.data)
    return render_template("accounts/check_mail.html", purpose="change-email")


def _delete(form):
    profile.delete_account(current_user._get_current_object(), form.password.data)
    logout_user()
    flash(_("Uw account is verwijderd."), "success")
    return redirect(url_for("directory.home"))
