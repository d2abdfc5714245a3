"""Who you are and what you may do. Accounts arrive with the beheer issue; until then nobody is logged in."""
from webapp.extensions import login_manager


def init_app(app):
    login_manager.user_loader(_load_user)


def _load_user(_user_id):
    return None
