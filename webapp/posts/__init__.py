"""Voor elkaar posts: hulpvragen and hulpaanbod, their life cycle, privacy and expiry."""


def init_app(app):
    """Registers this package's blueprint and commands (filled in as the package grows)."""
