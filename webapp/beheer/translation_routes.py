"""Beheer of a voorziening's translations (/beheer/voorzieningen/<id>/vertalingen): a form per language."""
from babel import Locale
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import get_locale, gettext as _
from flask_login import current_user

from webapp.accounts.decorators import role_required
from webapp.beheer import bp
from webapp.beheer.routes import _my_service
from webapp.beheer.translation_forms import TranslationForm
from webapp.database import StaleVersion
from webapp.directory import translations
from webapp.errors import RuleViolation
from webapp.forms import differences
from webapp.i18n.services import language_name


@bp.route("/voorzieningen/<service_id>/vertalingen")
@role_required("beheerder")
def translations_page(service_id):
    service = _my_service(service_id)
    return _page(service)


@bp.route("/voorzieningen/<service_id>/vertalingen/<language>", methods=["POST"])
@role_required("beheerder")
def save_translation(service_id, language):
    service = _my_service(service_id)
    if language not in translations.content_languages():
        abort(404)
    form = TranslationForm(prefix=language)
    if form.validate_on_submit():
        try:
            changes = translations.save_translation(current_user._get_current_object(), service, language,
                                                    form.to_data(), seen_version=form.seen_version())
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        except StaleVersion as stale:
            shown = TranslationForm.for_translation(language, stale.row, formdata=None)
            form.version.data = shown.version.data  # saving again from here is a deliberate choice
            return _page(service, {language: form}, {language: differences(shown, form)}), 409
        else:
            flash(_message(changes, language), "success")
            return redirect(url_for("beheer.translations_page", service_id=service.id))
    return _page(service, {language: form}), 400


def _in_page_language(code):
    """A language's name in the page's language ('Engels' on a Dutch page)."""
    return Locale.parse(code).get_display_name(get_locale()) or code


def _message(changes, language):
    name = _in_page_language(language)
    if not changes:
        # TRANSLATORS: %(language)s is a language's name in the page's language ("Engels", "English")
        return _("Er is niets veranderd aan de vertaling in het %(language)s.", language=name)
    # TRANSLATORS: %(language)s is a language's name in the page's language ("Engels", "English")
    return _("De vertaling in het %(language)s is opgeslagen.", language=name)


def _page(service, forms=None, conflicts=None):
    """Every language's form; `forms` holds the ones sent back with errors or a conflict."""
    saved = translations.translations_of(service)
    forms = forms or {}
    rows = [(code, _in_page_language(code), language_name(code),
             forms.get(code) or TranslationForm.for_translation(code, saved.get(code), formdata=None),
             (conflicts or {}).get(code)) for code in translations.content_languages()]
    return render_template("beheer/translations.html", service=service, rows=rows, saved=saved)
