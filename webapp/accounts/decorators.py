"""Role and gemeente checks, in one place: every beheer and coördinator route uses these."""
from functools import wraps

from flask import abort
from flask_login import current_user, login_required


def role_required(role):
    """Logged in (else to the login page) and at least `role` (else 403)."""
    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not current_user.has_role(role):
                abort(403)
            return view(*args, **kwargs)
        return wrapped
    return decorator


def require_gemeente(gemeente):
    """403 unless the logged-in user works for this gemeente."""
    if not current_user.is_authenticated or not current_user.works_for(gemeente):
        abort(403)
