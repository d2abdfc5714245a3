"""Suggested matches with their reasons, voorzieningen that fit a vraag, and referrals to them."""
from flask import Blueprint

bp = Blueprint("suggestions", __name__)

from webapp.suggestions import routes  # noqa: E402,F401  (registers the routes on bp)


def init_app(app):
    """The coördinator pages, and the template globals the posts and board pages include partials with."""
    from webapp.suggestions.referrals import my_referrals
    from webapp.suggestions.related import related_services
    app.register_blueprint(bp)
    app.add_template_global(related_services, "related_services")
    app.add_template_global(my_referrals, "my_referrals")
