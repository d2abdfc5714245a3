"""Beheer of a voorziening's activities (/beheer/voorzieningen/<id>/activiteiten): its gemeente's beheerders."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from webapp.accounts.decorators import require_gemeente, role_required
from webapp.agenda import bp, services
from webapp.agenda.forms import ActivityForm
from webapp.agenda.models import Activity
from webapp.agenda.recurrence import REPEATS, repeat_of
from webapp.directory.models import Service
from webapp.errors import RuleViolation
from webapp.extensions import db

PREFIX = "/beheer/voorzieningen/<service_id>/activiteiten"


@bp.route(PREFIX, methods=["GET", "POST"])
@role_required("beheerder")
def manage(service_id):
    """The list of activities, with the form for a new one."""
    service = _my_service(service_id)
    form = ActivityForm()
    if form.validate_on_submit() and _saved(form, Activity(service=service)):
        flash(_("De activiteit is opgeslagen."), "success")
        return redirect(url_for("agenda.manage", service_id=service.id))
    return render_template("agenda/manage.html", service=service, form=form,
                           activities=services.activities_of(service), repeat_of=repeat_of, REPEATS=REPEATS)


@bp.route(PREFIX + "/<activity_id>", methods=["GET", "POST"])
@role_required("beheerder")
def edit(service_id, activity_id):
    service, activity = _my_activity(service_id, activity_id)
    form = ActivityForm.for_activity(activity) if request.method == "GET" else ActivityForm()
    if form.validate_on_submit() and _saved(form, activity):
        flash(_("De activiteit is opgeslagen."), "success")
        return redirect(url_for("agenda.manage", service_id=service.id))
    return render_template("agenda/edit.html", service=service, activity=activity, form=form)


@bp.route(PREFIX + "/<activity_id>/verwijderen", methods=["POST"])
@role_required("beheerder")
def delete(service_id, activity_id):
    service, activity = _my_activity(service_id, activity_id)
    services.delete_activity(activity)
    flash(_("De activiteit is verwijderd."), "success")
    return redirect(url_for("agenda.manage", service_id=service.id))


def _saved(form, activity):
    try:
        services.save_activity(activity, form.to_data())
    except RuleViolation as violation:
        db.session.rollback()
        form.populate_errors(violation.reasons)
        return False
    return True


def _my_service(service_id):
    service = db.session.get(Service, service_id[:36])
    if service is None:
        abort(404)
    require_gemeente(service.gemeente)
    return service


def _my_activity(service_id, activity_id):
    service = _my_service(service_id)
    activity = db.session.get(Activity, activity_id[:36])
    if activity is None or activity.service_id != service.id:
        abort(404)
    return service, activity
