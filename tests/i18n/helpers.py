"""The shipped catalogs, read the way the site reads them."""
from pathlib import Path

from babel.support import Translations

TRANSLATIONS = Path(__file__).resolve().parents[2] / "webapp" / "translations"


def translated(language, dutch):
    """What the site shows for the Dutch message `dutch` in `language`."""
    return Translations.load(str(TRANSLATIONS), [language]).gettext(dutch)
