"""The interface's language: Dutch by default, or another language with a complete message catalog, chosen from the
browser or with the switcher on every page and kept in the `taal` cookie. Voorziening texts stay Dutch."""
from flask import Blueprint

from webapp.extensions import babel

bp = Blueprint("i18n", __name__)

from webapp.i18n import routes  # noqa: E402,F401  (routes register themselves on bp)
from webapp.i18n.services import page_language, select_locale  # noqa: E402


def init_app(app):
    babel.init_app(app, locale_selector=select_locale)
    app.register_blueprint(bp)
    app.context_processor(page_language)

    @app.after_request
    def vary_on_language(response):
        """A shared cache must not serve one reader's language to another."""
        if response.mimetype == "text/html":
            response.vary.update(("Cookie", "Accept-Language"))
        return response
