"""Beheer: the list of voorzieningen, new and edit, opening hours, archive and restore, the audit log."""
from datetime import date, timedelta

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import or_, select

from webapp import submissions
from webapp.accounts.decorators import require_gemeente, role_required
from webapp.beheer import bp
from webapp.beheer.forms import HoursForm, ServiceForm
from webapp.database import StaleVersion
from webapp.directory import maintenance, merging
from webapp.directory.audit import ACTIONS, FIELD_LABELS, AuditEntry
from webapp.directory.models import Service
from webapp.errors import RuleViolation
from webapp.forms import differences
from webapp.extensions import db

@bp.app_context_processor
def _beheer_helpers():
    return {"AUDIT_ACTIONS": ACTIONS, "AUDIT_FIELDS": FIELD_LABELS}


@bp.route("/")
@role_required("beheerder")
def index():
    text = request.args.get("zoek", "").strip()[:100]
    query = _my_services().order_by(Service.archived_at.is_not(None), Service.name)
    if text:
        query = query.where(Service.name.ilike(f"%{text}%"))
    return render_template("beheer/index.html", services=db.session.scalars(query).all(), text=text,
                           action_form=FlaskForm())


@bp.route("/te-controleren")
@role_required("beheerder")
def to_check():
    """Voorzieningen never checked, or not within LISTING_CHECK_AFTER_DAYS (12 months): the oldest first."""
    cutoff = date.today() - timedelta(days=current_app.config["LISTING_CHECK_AFTER_DAYS"])
    query = _my_services().where(Service.archived_at.is_(None)).where(
        or_(Service.last_checked_on.is_(None), Service.last_checked_on < cutoff)
    ).order_by(Service.last_checked_on.is_not(None), Service.last_checked_on, Service.name)
    return render_template("beheer/to_check.html", services=db.session.scalars(query).all())


@bp.route("/voorzieningen/nieuw", methods=["GET", "POST"])
@role_required("beheerder")
def new_service():
    form = _with_gemeenten(ServiceForm())
    twins = []
    if form.validate_on_submit():
        data = form.to_data()
        repeated = submissions.made_by(form.submission.data, Service)  # a double click: no second warning
        twins = [] if form.save_anyway.data or repeated else merging.twins_of(data)
        if not twins:
            try:
                service = maintenance.create_service(current_user._get_current_object(), data,
                                                     submission=form.submission.data)
            except RuleViolation as violation:
                form.populate_errors(violation.reasons)
            else:
                flash(_("De voorziening is opgeslagen. Locatie: %(precision)s.", precision=_precision(service)),
                      "success")
                return redirect(url_for("beheer.edit_service", service_id=service.id))
    return render_template("beheer/edit.html", form=form, service=None, twins=twins)


@bp.route("/voorzieningen/<service_id>/bewerken", methods=["GET", "POST"])
@role_required("beheerder")
def edit_service(service_id):
    service = _my_service(service_id)
    form = _with_gemeenten(ServiceForm.for_service(service) if request.method == "GET" else ServiceForm())
    if form.validate_on_submit():
        try:
            changes = maintenance.update_service(current_user._get_current_object(), service, form.to_data(),
                                                 seen_version=form.seen_version())
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        except StaleVersion:
            conflict = differences(ServiceForm.for_service(service, formdata=None), form)
            return _edit_page(form.show_version(service), service, conflict), 409
        else:
            flash(_("Opgeslagen: %(count)d wijziging(en). Locatie: %(precision)s.", count=len(changes),
                    precision=_precision(service)), "success")
            return redirect(url_for("beheer.edit_service", service_id=service.id))
    return _edit_page(form, service)


def _edit_page(form, service, conflict=None):
    return render_template("beheer/edit.html", form=form, service=service, audit_entries=_audit(service),
                           action_form=FlaskForm(), conflict=conflict)


@bp.route("/voorzieningen/<service_id>/openingstijden", methods=["GET", "POST"])
@role_required("beheerder")
def edit_hours(service_id):
    service = _my_service(service_id)
    form = HoursForm.for_service(service) if request.method == "GET" else HoursForm()
    if form.validate_on_submit():
        try:
            maintenance.set_hours(current_user._get_current_object(), service, *form.to_hours(),
                                  seen_version=form.seen_version())
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        except StaleVersion:
            form.show_version(service)
            form.form_errors.append(_("Iemand anders heeft de openingstijden net gewijzigd. Er is niets opgeslagen. "
                                      "Uw invoer staat hieronder nog; kijk de tijden na en sla opnieuw op."))
            return render_template("beheer/hours.html", form=form, service=service), 409
        else:
            flash(_("De openingstijden zijn opgeslagen."), "success")
            return redirect(url_for("beheer.edit_service", service_id=service.id))
    return render_template("beheer/hours.html", form=form, service=service)


@bp.route("/voorzieningen/<service_id>/archiveren", methods=["POST"])
@role_required("beheerder")
def archive(service_id):
    return _archive_or_restore(service_id, maintenance.archive_service,
                               _("De voorziening is gearchiveerd: ze staat niet meer op de kaart."))


@bp.route("/voorzieningen/<service_id>/herstellen", methods=["POST"])
@role_required("beheerder")
def restore(service_id):
    return _archive_or_restore(service_id, maintenance.restore_service,
                               _("De voorziening is hersteld: ze staat weer op de kaart."))


def _archive_or_restore(service_id, action, message):
    service = _my_service(service_id)
    if FlaskForm().validate_on_submit():
        action(current_user._get_current_object(), service)
        flash(message, "success")
    return redirect(url_for("beheer.edit_service", service_id=service.id))


def _my_services():
    return select(Service).where(Service.gemeente.in_(current_user.gemeenten))


def _my_service(service_id):
    service = db.session.get(Service, service_id[:36])
    if service is None:
        abort(404)
    require_gemeente(service.gemeente)
    return service


def _with_gemeenten(form):
    form.gemeente.choices = [(name, name) for name in current_user.gemeenten]
    return form


def _audit(service):
    """Its own audit log and that of every listing merged into it."""
    ids = [service.id, *merging.merged_ids(service)]
    return db.session.scalars(select(AuditEntry).where(AuditEntry.service_id.in_(ids))
                              .order_by(AuditEntry.at.desc())).all()


def _precision(service):
    location = service.location
    return location.precision if location and location.precision else _("geen punt gevonden")
