"""The interface's language: Dutch by default, or another language with a complete message catalog, chosen from the
browser or with the switcher on every page and kept in the `taal` cookie. Voorziening texts stay Dutch unless
beheer entered a translation (directory/translations.py)."""
from flask import Blueprint
from flask_babel import refresh

from webapp.extensions import babel

bp = Blueprint("i18n", __name__)

from webapp.i18n import routes  # noqa: E402,F401  (routes register themselves on bp)
from webapp.i18n.services import (  # noqa: E402
    data_lang, in_dutch, page_language, place_name, select_locale, switch_back)


def init_app(app):
    babel.init_app(app, locale_selector=select_locale)
    app.register_blueprint(bp)
    app.context_processor(page_language)
    app.add_template_global(data_lang)
    app.add_template_global(switch_back)
    app.add_template_filter(in_dutch)
    app.add_template_filter(place_name)
    # Flask-Babel keeps the locale in `g`, which outlives a request when an app context was already open (tests,
    # a command that calls the app): every request chooses its own language.
    app.before_request(refresh)

    @app.after_request
    def vary_on_language(response):
        """A shared cache must not serve one reader's language to another (pages, and feeds named in it)."""
        if response.mimetype in ("text/html", "text/calendar"):
            response.vary.update(("Cookie", "Accept-Language"))
        return response
