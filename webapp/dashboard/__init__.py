"""The coördinatoren's impact dashboard, and the kaart searches that found nothing."""


def init_app(app):
    """Registers this package's blueprint and commands (filled in as the package grows)."""
