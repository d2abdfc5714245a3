"""The words of a match: its statuses as people read them, and the answers to 'hoe ging het?'."""
from flask_babel import lazy_gettext as _l

from webapp.matching.models import ACCEPTED, CANCELLED, COMPLETED, CONFIRMED, PROPOSED

STATUS_LABELS = {
    PROPOSED: _l("Wacht op een ja"),
    ACCEPTED: _l("Hulp aangenomen, wacht op de coördinator"),
    CONFIRMED: _l("Bevestigd"),
    COMPLETED: _l("Afgerond"),
    CANCELLED: _l("Gestopt"),
}
# Statuses in which the two sides still talk; afgerond and geannuleerd are closed.
ACTIVE = (PROPOSED, ACCEPTED, CONFIRMED)
# Contact details are exchanged from confirmation on, and never before.
CONTACT_SHARED = (CONFIRMED, COMPLETED)

VERDICTS = {"goed": _l("Goed"), "redelijk": _l("Redelijk"), "niet_goed": _l("Niet goed")}

MAX_MESSAGE = 2000
MAX_COMMENT = 1000
MAX_REASON = 500
