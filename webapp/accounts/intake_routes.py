"""Coördinatoren: accounts for residents without e-mail, and acting for them (marked on every page)."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select

from webapp.accounts import acting, bp, intake
from webapp.accounts.decorators import role_required
from webapp.accounts.forms import IntakeForm
from webapp.accounts.models import User
from webapp.errors import RuleViolation
from webapp.extensions import db


@bp.route("/coordinator/inwoners", methods=["GET", "POST"])
@role_required("coordinator")
def intake_accounts():
    form = IntakeForm()
    form.gemeente.choices = [(name, name) for name in current_user.gemeenten]
    if form.validate_on_submit():
        try:
            resident = intake.create_intake_account(current_user._get_current_object(), form.display_name.data,
                                                    form.postcode.data, form.phone.data, form.gemeente.data,
                                                    submission=form.submission.data)
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        else:
            flash(_("Account gemaakt voor %(name)s.", name=resident.display_name), "success")
            return redirect(url_for("accounts.intake_accounts"))
    residents = [user for user in db.session.scalars(select(User).where(User.email.is_(None)).order_by(
        User.display_name)) if intake.may_act_for(current_user, user)]
    return render_template("accounts/intake.html", form=form, residents=residents, action_form=FlaskForm())


@bp.route("/coordinator/inwoners/<user_id>/namens", methods=["POST"])
@role_required("coordinator")
def act_for(user_id):
    resident = db.session.get(User, user_id[:36])
    if not FlaskForm().validate_on_submit() or not intake.may_act_for(current_user, resident):
        abort(403)
    acting.start(resident)
    flash(_("U handelt nu namens %(name)s.", name=resident.display_name), "info")
    return redirect(url_for("accounts.account"))


@bp.route("/coordinator/namens-stoppen", methods=["POST"])
@role_required("coordinator")
def stop_acting():
    if FlaskForm().validate_on_submit():
        acting.stop()
        flash(_("U handelt weer voor uzelf."), "info")
    return redirect(url_for("accounts.intake_accounts"))
