"""Beheer of what providers and visitors sent: the queue (/beheer/meldingen) and sending the link by hand."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.accounts.decorators import require_gemeente, role_required
from webapp.database import StaleVersion
from webapp.directory.models import Service
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.providers import bp, corrections, reminders
from webapp.providers.forms import HandleForm, SendLinkForm
from webapp.providers.listing import FIELD_LABELS
from webapp.providers.models import ListingSuggestion


@bp.route("/beheer/meldingen")
@role_required("beheerder")
def queue():
    return _queue_page()


@bp.route("/beheer/meldingen/<suggestion_id>", methods=["POST"])
@role_required("beheerder")
def handle(suggestion_id):
    suggestion = db.session.get(ListingSuggestion, suggestion_id[:36])
    if suggestion is None:
        abort(404)
    require_gemeente(suggestion.service.gemeente)
    form = _handle_form(suggestion)
    if not form.validate_on_submit():
        return _queue_page(failed=(suggestion.id, form), status=400)
    try:
        changes = corrections.accept(current_user._get_current_object(), suggestion, form.fields.data or [],
                                     seen_version=form.seen_version())
    except RuleViolation as violation:
        form.populate_errors(violation.reasons)
        return _queue_page(failed=(suggestion.id, form), status=400)
    except StaleVersion:
        form.form_errors.append(_("Iemand anders heeft deze voorziening of melding net gewijzigd. Er is niets "
                                  "opgeslagen. Kijk de melding opnieuw na."))
        return _queue_page(failed=(suggestion.id, _handle_form(suggestion, formdata=None)), status=409)
    flash(_("Afgehandeld: %(count)d wijziging(en) overgenomen in %(name)s.", count=len(changes),
            name=suggestion.service.name), "success")
    return redirect(url_for("providers.queue"))


@bp.route("/beheer/voorzieningen/<service_id>/controlelink", methods=["POST"])
@role_required("beheerder")
def send_link(service_id):
    service = db.session.get(Service, service_id[:36])
    if service is None:
        abort(404)
    require_gemeente(service.gemeente)
    form = SendLinkForm()
    if form.validate_on_submit():
        try:
            reminders.send_by_hand(current_user._get_current_object(), service, form.email.data)
        except RuleViolation as violation:
            flash(violation.reasons[0][1], "error")
        else:
            flash(_("De link is verstuurd naar %(address)s. Hij werkt %(days)d dagen.", address=form.email.data,
                    days=reminders.link_days()), "success")
    else:
        flash(" ".join(form.email.errors) or _("Vul een e-mailadres in, zoals naam@voorbeeld.nl."), "error")
    return redirect(url_for("beheer.edit_service", service_id=service.id))


def _handle_form(suggestion, **kwargs):
    form = HandleForm(prefix=f"melding-{suggestion.id[:8]}-", **kwargs)
    form.fields.choices = [(change["field"], str(FIELD_LABELS[change["field"]])) for change in suggestion.changes]
    if "formdata" in kwargs or not form.is_submitted():
        form.show_version(suggestion.service)
    return form


def _queue_page(failed=None, status=200):
    items = corrections.open_suggestions(current_user.gemeenten)
    forms = {item.id: _handle_form(item, formdata=None) for item in items}
    if failed:
        forms[failed[0]] = failed[1]
    return render_template("providers/queue.html", items=items, forms=forms, labels=FIELD_LABELS), status
