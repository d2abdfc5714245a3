"""The public voor elkaar board: open vragen and aanbod, searchable on a list and a map."""


def init_app(app):
    """Registers this package's blueprint and commands (filled in as the package grows)."""
