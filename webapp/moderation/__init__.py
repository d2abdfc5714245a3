"""Coördinatoren check posts, handle abuse reports and block users; every action is logged."""


def init_app(app):
    """Registers this package's blueprint and commands (filled in as the package grows)."""
