"""Beheer: the "mogelijk dubbel" list and the merge screen (the rules live in directory/merging.py)."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from webapp.accounts.decorators import require_gemeente, role_required
from webapp.beheer import bp
from webapp.beheer.forms import MergeForm
from webapp.database import StaleVersion
from webapp.directory import merging
from webapp.directory.audit import FIELD_LABELS
from webapp.directory.models import Service
from webapp.errors import RuleViolation
from webapp.extensions import db


@bp.route("/mogelijk-dubbel")
@role_required("beheerder")
def likely_duplicates():
    return render_template("beheer/duplicates.html", pairs=merging.likely_pairs(current_user.gemeenten),
                           action_form=FlaskForm())


@bp.route("/mogelijk-dubbel/<first_id>/<second_id>/geen-dubbel", methods=["POST"])
@role_required("beheerder")
def not_duplicates(first_id, second_id):
    first, second = _listing(first_id), _listing(second_id)
    if FlaskForm().validate_on_submit():
        try:
            merging.mark_distinct(current_user._get_current_object(), first, second)
        except RuleViolation as violation:
            flash(violation.reasons[0][1], "error")
        else:
            flash(_("%(first)s en %(second)s staan niet meer bij mogelijk dubbel.", first=first.name,
                    second=second.name), "success")
    return redirect(url_for("beheer.likely_duplicates"))


@bp.route("/samenvoegen/<keep_id>/<drop_id>", methods=["GET", "POST"])
@role_required("beheerder")
def merge(keep_id, drop_id):
    keep, drop = _listing(keep_id), _listing(drop_id)
    form = MergeForm()
    status = 200
    if form.validate_on_submit():
        try:
            merging.merge(current_user._get_current_object(), keep, drop, seen_versions=form.seen_versions())
        except RuleViolation as violation:
            form.form_errors.extend(message for _field, message in violation.reasons)
            status = 400
        except StaleVersion:
            form.form_errors.append(_("Iemand anders heeft een van beide voorzieningen net gewijzigd. Er is niets "
                                      "samengevoegd. Kijk de gegevens hieronder opnieuw na."))
            form = MergeForm(formdata=None)
            status = 409
        else:
            flash(_("Samengevoegd: %(drop)s is nu deel van %(keep)s. Het oude adres leidt hierheen.",
                    drop=drop.name, keep=keep.name), "success")
            return redirect(url_for("beheer.edit_service", service_id=keep.id))
    elif form.is_submitted():
        status = 400
    if not form.is_submitted() or status == 409:
        form.show_versions(keep, drop)
    fields, hours = merging.plan(keep, drop)
    return render_template("beheer/merge.html", keep=keep, drop=drop, form=form, fields=fields, hours=hours,
                           labels=FIELD_LABELS), status


def _listing(service_id):
    service = db.session.get(Service, service_id[:36])
    if service is None or service.archived_at is not None:
        abort(404)
    require_gemeente(service.gemeente)
    return service
