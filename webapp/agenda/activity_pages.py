"""The pages that keep a voorziening's activities, shared by beheer and by the provider's signed link: the same
form and rules, only the addresses and the way back differ."""
from dataclasses import dataclass, field

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from webapp.agenda import services
from webapp.agenda.forms import ActivityForm
from webapp.agenda.models import Activity
from webapp.agenda.recurrence import REPEATS, repeat_of
from webapp.errors import RuleViolation
from webapp.extensions import db


@dataclass
class Pages:
    """Where the activity pages of one voorziening live: endpoints named `<prefix>manage`, `<prefix>edit`,
    `<prefix>delete`, their URL arguments, and the page to go back to with its link text."""
    prefix: str
    args: dict
    back_url: str
    back_label: str
    audience: str = field(default="beheer")  # "beheer" or "aanbieder": the page title says whose page it is

    def url(self, page, activity=None):
        extra = {"activity_id": activity.id} if activity is not None else {}
        return url_for(f"{self.prefix}{page}", **self.args, **extra)


def manage(service, pages):
    """The list of activities, with the form for a new one."""
    form = ActivityForm()
    if form.validate_on_submit() and _saved(form, Activity(service=service)):
        flash(_("De activiteit is opgeslagen."), "success")
        return redirect(pages.url("manage"))
    return render_template("agenda/manage.html", service=service, form=form, pages=pages,
                           activities=services.activities_of(service), repeat_of=repeat_of, REPEATS=REPEATS)


def edit(service, activity, pages):
    form = ActivityForm.for_activity(activity) if request.method == "GET" else ActivityForm()
    if form.validate_on_submit() and _saved(form, activity):
        flash(_("De activiteit is opgeslagen."), "success")
        return redirect(pages.url("manage"))
    return render_template("agenda/edit.html", service=service, activity=activity, form=form, pages=pages)


def delete(activity, pages):
    services.delete_activity(activity)
    flash(_("De activiteit is verwijderd."), "success")
    return redirect(pages.url("manage"))


def activity_of(service, activity_id):
    """The voorziening's own activity; 404 for an unknown id and for another voorziening's activity."""
    activity = db.session.get(Activity, activity_id[:36])
    if activity is None or activity.service_id != service.id:
        abort(404)
    return activity


def _saved(form, activity):
    try:
        services.save_activity(activity, form.to_data())
    except RuleViolation as violation:
        db.session.rollback()
        form.populate_errors(violation.reasons)
        return False
    return True
