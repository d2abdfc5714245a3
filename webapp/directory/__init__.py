"""The sociale kaart: voorzieningen, their organisations, locations and opening hours."""
from flask import Blueprint

bp = Blueprint("directory", __name__)

from webapp.directory import routes, worry_routes  # noqa: E402,F401  (routes register themselves on bp)


def init_app(app):
    from webapp.directory.retention import forget_beheerder, purge_missed_searches
    from webapp.privacy.erasure import account_erasing
    from webapp.privacy.retention import retention_purging

    from webapp.directory.languages import label, listed

    app.register_blueprint(bp)
    app.add_template_filter(lambda value: ", ".join(label(name) for name in listed(value)), "staff_languages")
    retention_purging.connect(purge_missed_searches)
    account_erasing.connect(forget_beheerder)
