"""Public pages: the provider's check page behind the signed link, and 'Klopt er iets niet?' on every voorziening."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from webapp import ratelimit
from webapp.directory import services
from webapp.errors import RuleViolation
from webapp.providers import bp, corrections, tokens
from webapp.providers.forms import CheckForm, ReportForm
from webapp.providers.listing import FIELD_LABELS, current_values


@bp.route("/controleren/<token>", methods=["GET", "POST"])
def check(token):
    try:
        reminder = tokens.read_token(token[:500])
    except RuleViolation as violation:
        return render_template("providers/link_problem.html", message=violation.reasons[0][1]), 400
    service = reminder.service
    values = current_values(service)
    form = CheckForm.for_listing(values, service) if request.method == "GET" else CheckForm()
    if form.validate_on_submit():
        if form.confirm.data:
            corrections.confirm(reminder)
            return redirect(url_for("providers.checked", wat="klopt"))
        try:
            suggestion = corrections.propose(reminder, form.to_values(bool(service.schedules)), form.note.data)
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        else:
            return redirect(url_for("providers.checked", wat="klopt" if suggestion is None else "doorgegeven"))
    return render_template("providers/check.html", form=form, service=service, values=values, token=token,
                           labels=FIELD_LABELS), 400 if form.errors else 200


@bp.route("/gecontroleerd")
def checked():
    return render_template("providers/checked.html", sent=request.args.get("wat") == "doorgegeven")


@bp.route("/voorzieningen/<slug>/klopt-er-iets-niet", methods=["GET", "POST"])
def report(slug):
    service = services.get_service_by_slug(slug[:200])
    if service is None:
        abort(404)
    form = ReportForm()
    if form.validate_on_submit():
        with ratelimit.reserve(("RATELIMIT_LISTING_REPORTS", ratelimit.remote_address())):
            corrections.report(service, form.note.data, form.email.data)
        flash(_("Dank u wel. De gemeente kijkt ernaar en past de gegevens aan als dat nodig is."), "success")
        return redirect(url_for("directory.show", slug=service.slug))
    return render_template("providers/report.html", form=form, service=service), 400 if form.errors else 200
