"""Beheer of a gemeente's way in (/beheer/gemeente/<gemeente>): only that gemeente's beheerders."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.accounts.decorators import require_gemeente, role_required
from webapp.beheer import bp
from webapp.beheer.gemeente_forms import GemeenteContactForm
from webapp.database import StaleVersion
from webapp.directory import gemeente_contacts, services
from webapp.errors import RuleViolation
from webapp.forms import differences
from webapp.text import slugify


@bp.context_processor
def _gemeente_slug():
    return {"slugify": slugify}


@bp.route("/gemeente/<gemeente>", methods=["GET", "POST"])
@role_required("beheerder")
def edit_gemeente_contact(gemeente):
    name = gemeente_contacts.gemeente_by_slug(gemeente[:100], current_user.gemeenten)
    if name is None:
        # Another gemeente's page is refused, an unknown one is not found.
        known = {c.gemeente for c in gemeente_contacts.all_contacts()} | set(services.gemeenten())
        if gemeente_contacts.gemeente_by_slug(gemeente[:100], known) is not None:
            abort(403)
        abort(404)
    require_gemeente(name)
    contact = gemeente_contacts.contact_for(name)
    form = GemeenteContactForm.for_contact(contact) if request.method == "GET" else GemeenteContactForm()
    if form.validate_on_submit():
        try:
            changes = gemeente_contacts.save_contact(current_user._get_current_object(), name, form.to_data(),
                                                     seen_version=form.seen_version())
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        except StaleVersion as stale:
            conflict = differences(GemeenteContactForm.for_contact(stale.row, formdata=None), form)
            return _page(form.show_version(stale.row), name, stale.row, conflict), 409
        else:
            flash(_("Opgeslagen: %(count)d wijziging(en).", count=len(changes)), "success")
            return redirect(url_for("beheer.edit_gemeente_contact", gemeente=gemeente))
    return _page(form, name, contact)


def _page(form, gemeente, contact, conflict=None):
    return render_template("beheer/gemeente.html", form=form, gemeente=gemeente, gemeente_slug=slugify(gemeente),
                           contact=contact,
                           changes=gemeente_contacts.changes_of(contact), conflict=conflict,
                           field_labels=gemeente_contacts.FIELD_LABELS)
