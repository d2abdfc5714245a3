"""Plain content pages, one template each."""
from flask import render_template

from webapp.pages import bp

PAGES = {
    "toegankelijkheid": "pages/accessibility.html",
    "privacy": "pages/privacy.html",
    "cookies": "pages/cookies.html",
    "over-deze-gegevens": "pages/data_sources.html",
}


def _page_view(template):
    return lambda: render_template(template)


for _slug, _template in PAGES.items():
    bp.add_url_rule(f"/{_slug}", endpoint=_slug.replace("-", "_"), view_func=_page_view(_template))
