"""Reactions, suggested matches and their confirmation by a coördinator."""


def init_app(app):
    """Registers this package's blueprint and commands (filled in as the package grows)."""
