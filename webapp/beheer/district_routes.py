"""Beheer of a gemeente's wijken and buurten (/beheer/wijken): a name with its PC6 postcodes, or a CSV of them."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.accounts.decorators import require_gemeente, role_required
from webapp.beheer import bp
from webapp.beheer.csv_io import decode_upload
from webapp.beheer.district_forms import DistrictForm, DistrictImportForm, with_gemeenten
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.geo import districts as wijken
from webapp.geo.models import District


@bp.route("/wijken", methods=["GET", "POST"])
@role_required("beheerder")
def districts():
    form = with_gemeenten(DistrictForm(), current_user.gemeenten)
    if form.validate_on_submit():
        require_gemeente(form.gemeente.data)
        try:
            codes = wijken.parse_postcodes(form.postcodes.data)
            district = wijken.save_district(form.gemeente.data, form.name.data, form.kind.data, codes)
        except RuleViolation as violation:
            db.session.rollback()
            form.populate_errors(violation.reasons)
        else:
            flash(_("Opgeslagen: %(name)s met %(count)d postcodes.", name=district.name, count=len(codes)), "success")
            return redirect(url_for("beheer.districts"))
    return _page(form, with_gemeenten(DistrictImportForm(formdata=None), current_user.gemeenten))


@bp.route("/wijken/import", methods=["POST"])
@role_required("beheerder")
def import_districts():
    upload = with_gemeenten(DistrictImportForm(), current_user.gemeenten)
    if upload.validate_on_submit():
        require_gemeente(upload.csv_gemeente.data)
        try:
            count = wijken.import_districts(upload.csv_gemeente.data, decode_upload(upload.bestand.data.stream))
        except RuleViolation as violation:
            db.session.rollback()
            upload.populate_errors(violation.reasons)
        else:
            flash(_("Opgeslagen: %(count)d wijken en buurten uit het bestand.", count=count), "success")
            return redirect(url_for("beheer.districts"))
    return _page(with_gemeenten(DistrictForm(formdata=None), current_user.gemeenten), upload)


@bp.route("/wijken/<district_id>/verwijderen", methods=["POST"])
@role_required("beheerder")
def delete_district(district_id):
    district = db.session.get(District, district_id[:36])
    if district is None:
        abort(404)
    require_gemeente(district.gemeente)
    wijken.delete_district(district)
    flash(_("Verwijderd: %(name)s.", name=district.name), "success")
    return redirect(url_for("beheer.districts"))


def _page(form, upload):
    return render_template("beheer/districts.html", form=form, upload=upload,
                           districts=wijken.districts_of(current_user.gemeenten))
