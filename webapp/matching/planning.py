"""The planned day of a match, and from when "Hoe ging het?" may be answered (followup.py sends the mails)."""
from datetime import timedelta

from webapp.matching.models import COMPLETED
from webapp.models_base import utcnow
from webapp.posts.vocab import WHEN_DATE, WHEN_PERIOD

OPEN_ENDED = timedelta(days=14)  # a flexible or recurring vraag: planned two weeks after confirmation


def planned_on(vraag, confirmed_on):
    """The vraag's date (or the last day of its period); for a flexible or recurring one, 14 days after
    confirmation. Never before the confirmation itself."""
    day = None
    if vraag.when_kind == WHEN_DATE:
        day = vraag.date_from
    elif vraag.when_kind == WHEN_PERIOD:
        day = vraag.date_until or vraag.date_from
    return max(day, confirmed_on) if day else confirmed_on + OPEN_ENDED


def is_due(match, today=None):
    """'Hoe ging het?' only after the planned day (a match afgerond by a coördinator may be answered at once)."""
    if match.status == COMPLETED or match.planned_on is None:
        return True
    return (today or utcnow().date()) > match.planned_on
