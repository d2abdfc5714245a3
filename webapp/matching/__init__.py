"""Reactions, suggested matches and their confirmation by a coördinator."""
from flask import Blueprint, has_request_context

bp = Blueprint("matching", __name__)

from webapp.matching import conversation_routes, coordinator_routes, routes  # noqa: E402,F401  (routes on bp)


def my_conversations(user=None):
    """The conversations of `user` (default: whose account the page is about) for 'Mijn voor elkaar'."""
    from webapp.accounts import acting
    from webapp.matching.queries import conversations
    if user is None:
        if not has_request_context():
            return []
        user = acting.effective_user()
    if user is None or not user.is_authenticated:
        return []
    return conversations(user)


def init_app(app):
    from webapp.matching.closing import close_open_conversations
    from webapp.posts.lifecycle import post_closing
    post_closing.connect(close_open_conversations)  # once per process, however many apps are made
    app.register_blueprint(bp)
    app.add_template_global(my_conversations, "my_conversations")
