"""How precise a point is, most precise first."""
from flask_babel import lazy_gettext as _l

ADRES = "adres"
STRAAT = "straat"
POSTCODE = "postcode"
WOONPLAATS = "woonplaats"
GEMEENTE = "gemeente"
PRECISIONS = (ADRES, STRAAT, POSTCODE, WOONPLAATS, GEMEENTE)
# What a reader sees for a precision (beheer, the coördinator's review page): the codes above are Dutch words.
PRECISION_LABELS = {ADRES: _l("op het adres"), STRAAT: _l("op de straat"), POSTCODE: _l("op de postcode"),
                    WOONPLAATS: _l("in het midden van de woonplaats"), GEMEENTE: _l("bij het gemeentehuis")}


def precision_label(code):
    return str(PRECISION_LABELS.get(code, code))
