"""The fixed vocabularies of the sociale kaart: themes, access routes, layers, yes/no/unknown."""
from flask_babel import lazy_gettext as _l

THEMES = {
    "geld-en-schulden": _l("Geld en schulden"),
    "mantelzorg": _l("Mantelzorg"),
    "dementie-en-geheugen": _l("Dementie en geheugen"),
    "opvoeden-en-gezin": _l("Opvoeden en gezin"),
    "jeugd-en-school": _l("Jeugd en school"),
    "ontmoeten-en-eenzaamheid": _l("Ontmoeten en eenzaamheid"),
    "werk-en-meedoen": _l("Werk en meedoen"),
    "wonen": _l("Wonen"),
    "gezondheid-en-bewegen": _l("Gezondheid en bewegen"),
    "taal-en-inburgering": _l("Taal en inburgering"),
    "vrijwilligerswerk": _l("Vrijwilligerswerk"),
    "cultuur": _l("Cultuur"),
    "veiligheid": _l("Veiligheid"),
    "informatie-en-advies": _l("Informatie en advies"),
}

ACCESS_ROUTES = {
    "vrij-inloop": _l("Vrije inloop"),
    "aanmelden": _l("Zelf aanmelden"),
    "verwijzing": _l("Via een verwijzing"),
    "onbekend": _l("Onbekend"),
}

LAYERS = {
    "sociale-basis": _l("Sociale basis"),
    "gerichte-preventie": _l("Gerichte preventie"),
    "collectief-licht": _l("Collectieve en lichte voorziening"),
    "toegang": _l("Toegang"),
    "maatwerk": _l("Maatwerk"),
}

# Facts nobody knows stay unknown: never a default that states something false.
YES, NO, UNKNOWN = "ja", "nee", "onbekend"
TRISTATE = {YES: _l("Ja"), NO: _l("Nee"), UNKNOWN: _l("Onbekend")}

REMOTE = "op-afstand"  # the index's precision of a voorziening online or by phone only: no point, no distance
NATIONAL = "heel Nederland"  # the werkgebied of a national line: every resident, whatever the gemeente
