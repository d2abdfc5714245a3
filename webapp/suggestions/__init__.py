"""Suggested matches with their reasons, voorzieningen that fit a vraag, and referrals to them."""


def init_app(app):
    """Registers this package's blueprint and template globals (filled in as the package grows)."""
