"""The fixed vocabularies of voor elkaar: categories, statuses, when and availability."""
from flask_babel import lazy_gettext as _l

CATEGORIES = {
    "boodschappen": _l("Boodschappen"),
    "vervoer-en-begeleiding": _l("Vervoer en begeleiding"),
    "klussen-in-huis": _l("Klussen in huis"),
    "tuin": _l("Tuin"),
    "gezelschap-en-wandelen": _l("Gezelschap en wandelen"),
    "computer-en-telefoon": _l("Computer en telefoon"),
    "administratie-en-formulieren": _l("Administratie en formulieren"),
    "taal-en-lezen": _l("Taal en lezen"),
    "koken-en-maaltijd": _l("Koken en maaltijd"),
    "dieren": _l("Dieren"),
    "overig": _l("Overig"),
}

# Kinds of post, as stored and as shown.
REQUEST, OFFER = "hulpvraag", "hulpaanbod"
KIND_LABELS = {REQUEST: _l("Hulpvraag"), OFFER: _l("Hulpaanbod")}

# Statuses (stored values are the Dutch words without spaces; labels are what people read).
CONCEPT = "concept"
PENDING = "wacht_op_controle"
OPEN = "open"
MATCHED = "gekoppeld"
DONE = "afgerond"
WITHDRAWN = "ingetrokken"
EXPIRED = "verlopen"
REJECTED = "afgewezen"
STATUS_LABELS = {
    CONCEPT: _l("Concept"),
    PENDING: _l("Wacht op controle"),
    OPEN: _l("Open"),
    MATCHED: _l("Helper gevonden"),
    DONE: _l("Afgerond"),
    WITHDRAWN: _l("Ingetrokken"),
    EXPIRED: _l("Verlopen"),
    REJECTED: _l("Afgewezen"),
}
PUBLIC_STATUSES = (OPEN,)

# When a vraag is needed.
WHEN_DATE, WHEN_PERIOD, WHEN_FLEXIBLE, WHEN_RECURRING = "datum", "periode", "flexibel", "terugkerend"
WHEN_LABELS = {
    WHEN_DATE: _l("Op een datum"),
    WHEN_PERIOD: _l("In een periode"),
    WHEN_FLEXIBLE: _l("Wanneer het uitkomt"),
    WHEN_RECURRING: _l("Steeds weer (bijvoorbeeld elke week)"),
}

# Availability of a volunteer: weekday x part of the day, stored as "ma-ochtend".
WEEKDAYS = {"ma": _l("maandag"), "di": _l("dinsdag"), "wo": _l("woensdag"), "do": _l("donderdag"),
            "vr": _l("vrijdag"), "za": _l("zaterdag"), "zo": _l("zondag")}
DAY_PARTS = {"ochtend": _l("ochtend"), "middag": _l("middag"), "avond": _l("avond")}
SLOTS = tuple(f"{day}-{part}" for day in WEEKDAYS for part in DAY_PARTS)

# On behalf of someone else: who posts, and whose contact details a confirmed helper gets.
RELATIONS = {
    "mantelzorger": _l("Mantelzorger"),
    "familie": _l("Familielid"),
    "buur": _l("Buur of kennis"),
    "wijkteam": _l("Medewerker wijkteam"),
    "anders": _l("Anders"),
}
CONTACT_MINE, CONTACT_THEIRS = "mijn", "hulpvrager"

MAX_TRAVEL_KM = 50

# An open post expires this long after approval (or the last renewal); one reminder a week before.
LIFETIME_WEEKS = 8
REMINDER_DAYS_BEFORE = 7
