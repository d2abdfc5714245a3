"""The dashboard of a gemeente for its coördinatoren, on the page and as CSV."""
from flask import Response, abort, render_template, request
from flask_login import current_user

from webapp.accounts.decorators import require_gemeente, role_required
from webapp.dashboard import bp, export as csv_export, services, tables
from webapp.dashboard.forms import DashboardForm
from webapp.models_base import utcnow

CATEGORY_TABLE = "categorie"


@bp.route("/dashboard")
@role_required("coordinator")
def index():
    form, gemeente, period = _choice()
    if period is None:
        return render_template("dashboard/index.html", form=form, page=None), 400
    page = services.dashboard_page(gemeente, period, utcnow())
    return render_template("dashboard/index.html", form=form, page=page)


@bp.route("/dashboard.csv")
@role_required("coordinator")
def export():
    """?tabel=categorie for the table per category; the table per week (with totals) otherwise."""
    form, gemeente, period = _choice()
    if period is None:
        return render_template("dashboard/index.html", form=form, page=None), 400
    dashboard = services.build_dashboard(gemeente, period)
    by_category = request.args.get("tabel") == CATEGORY_TABLE
    table = tables.category_table(dashboard) if by_category else tables.week_table(dashboard)
    name = csv_export.filename(gemeente, period, by_category)
    return Response(csv_export.csv_text(table), content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _choice():
    """(form, gemeente, period): the gemeente must be one of the user's (403 otherwise); period None when the
    dates are wrong (the form then holds the Dutch messages)."""
    gemeenten = current_user.gemeenten
    if not gemeenten:
        abort(403)
    gemeente = request.args.get("gemeente") or gemeenten[0]
    require_gemeente(gemeente)
    form = DashboardForm(request.args)
    form.gemeente.choices = [(name, name) for name in gemeenten]
    form.gemeente.data = gemeente
    period = form.period(utcnow()) if form.validate() else None
    if period is not None:
        form.van.data, form.tot.data = period.start.isoformat(), period.end.isoformat()
    return form, gemeente, period
