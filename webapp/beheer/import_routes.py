"""CSV export and import of voorzieningen: upload, preview (writes nothing), confirm. The work is in csv_io."""
from datetime import date

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.accounts.decorators import role_required
from webapp.beheer import bp, csv_io
from webapp.beheer.import_forms import ConfirmImportForm, ImportForm
from webapp.errors import RuleViolation


@bp.route("/export.csv")
@role_required("beheerder")
def export_csv():
    services = csv_io.exportable_services(current_user.gemeenten)
    return Response(csv_io.export_csv(services), content_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="voorzieningen-{date.today().isoformat()}.csv"'})


@bp.route("/import", methods=["GET", "POST"])
@role_required("beheerder")
def import_csv():
    form = ImportForm()
    if form.validate_on_submit():
        try:
            text = csv_io.decode_upload(form.bestand.data.stream)
            rows = csv_io.read_rows(text)
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        else:
            return _preview(text, rows)
    return render_template("beheer/import.html", form=form)


@bp.route("/import/bevestigen", methods=["POST"])
@role_required("beheerder")
def confirm_import():
    form = ConfirmImportForm()
    if not form.validate_on_submit():
        flash(_("Er was geen bestand om te bevestigen. Kies het bestand opnieuw."), "warning")
        return redirect(url_for("beheer.import_csv"))
    try:
        rows = csv_io.read_rows(form.csv_text.data)
    except RuleViolation as violation:
        upload = ImportForm()
        upload.populate_errors(violation.reasons)
        return render_template("beheer/import.html", form=upload)
    actor = current_user._get_current_object()
    plan = csv_io.plan_import(actor, rows)
    if form.plan_digest.data and form.plan_digest.data != csv_io.plan_digest(plan):
        flash(_("Er is intussen iets veranderd. Bekijk het voorbeeld opnieuw en bevestig dan."), "warning")
        return _preview(form.csv_text.data, rows, plan)
    if csv_io.writes(csv_io.count_statuses(plan)) > csv_io.MAX_WRITES:
        return _preview(form.csv_text.data, rows, plan)  # the preview says why
    try:
        counts = csv_io.apply_import(actor, plan)
    except RuleViolation as violation:  # a row failed at write time: nothing was written
        flash(violation.reasons[0][1], "warning")
        return _preview(form.csv_text.data, rows)
    flash(_("Import klaar: %(new)d nieuw, %(changed)d gewijzigd, %(refused)d geweigerd. %(unchanged)d ongewijzigd.",
            new=counts[csv_io.NEW], changed=counts[csv_io.CHANGED], refused=counts[csv_io.REFUSED],
            unchanged=counts[csv_io.UNCHANGED]), "success")
    return redirect(url_for("beheer.index"))


def _preview(text, rows, plan=None):
    plan = plan or csv_io.plan_import(current_user._get_current_object(), rows)
    form = ConfirmImportForm(formdata=None, csv_text=text, plan_digest=csv_io.plan_digest(plan))
    counts = csv_io.count_statuses(plan)
    too_many = csv_io.too_many_writes() if csv_io.writes(counts) > csv_io.MAX_WRITES else None
    return render_template("beheer/import_preview.html", plan=plan, counts=counts, too_many=too_many,
                           ignored_columns=rows.ignored_columns, status_labels=csv_io.STATUS_LABELS, form=form)
