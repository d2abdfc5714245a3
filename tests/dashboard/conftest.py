"""A voor elkaar history with fixed timestamps: ISO weeks 10, 11 and 12 of 2024 in Meppel, two categories.

Expected numbers (worked out by hand in test_dashboard.py) follow from exactly these rows.
"""
from datetime import datetime, timezone

import pytest

from tests.factories import make_post
from webapp.extensions import db
from webapp.matching.models import BY_ASKER, BY_COORDINATOR, BY_HELPER, COMPLETED, CONFIRMED, PROPOSED, Match

PERIOD = {"van": "2024-03-04", "tot": "2024-03-24"}  # Monday of week 10 to Sunday of week 12


def at(day, hour=12, minute=0):
    """A moment in March 2024, in UTC (Dutch time is UTC+1 then)."""
    return datetime(2024, 3, day, hour, minute, tzinfo=timezone.utc)


def make_match(request, helper, created_at, started_by=BY_HELPER, confirmed_at=None, status=None, gemeente=None):
    match = Match(request_id=request.id, helper_id=helper.id, gemeente=gemeente or request.gemeente,
                  started_by=started_by, created_at=created_at, confirmed_at=confirmed_at,
                  status=status or (CONFIRMED if confirmed_at else PROPOSED))
    db.session.add(match)
    db.session.commit()
    return match


@pytest.fixture
def timeline(accounts):
    """Vragen v1-v5 and aanbod a1-a2 in the period, matches m1-m5, and rows that must not count."""
    author, helper, other = accounts["inwoner"], accounts["inwoner_b"], accounts["coordinator"]
    vraag = {
        "v1": make_post(author=author, title="Vraag een", categories="boodschappen", now=at(4)),
        "v2": make_post(author=author, title="Vraag twee", categories="tuin", now=at(6)),
        "v3": make_post(author=author, title="Vraag drie", categories="boodschappen", now=at(12)),
        "v4": make_post(author=author, title="Vraag vier", categories="boodschappen", now=at(18)),
        # Sunday 23:30 Dutch time: still week 12.
        "v5": make_post(author=author, title="Vraag vijf", categories="tuin", now=at(24, 22, 30)),
    }
    make_post("hulpaanbod", author=helper, categories="boodschappen,tuin", now=at(5))
    make_post("hulpaanbod", author=helper, categories="tuin", now=at(13))
    make_match(vraag["v1"], helper, at(5), confirmed_at=at(7))  # m1: 1 day, match after 3 days
    make_match(vraag["v1"], other, at(11), started_by=BY_COORDINATOR)  # m2: a proposal, not a reactie
    make_match(vraag["v2"], helper, at(6, 20), started_by=BY_ASKER, confirmed_at=at(13),
               status=COMPLETED)  # m3: 8 hours, match after 7 days
    make_match(vraag["v3"], helper, at(14), confirmed_at=at(18))  # m4: 2 days, match after 6 days
    make_match(vraag["v4"], helper, at(18, 16))  # m5: 4 hours
    _noise(author, helper)
    return vraag


def _noise(author, helper):
    """Rows outside the gemeente, the period or the counted statuses."""
    make_post(author=author, title="Concept", status="concept", categories="tuin")
    make_post(author=author, title="Voorbeeld", categories="tuin", now=at(5), is_example=True)
    sunday_week_9 = datetime(2024, 3, 3, 22, 30, tzinfo=timezone.utc)  # 23:30 in Meppel
    make_post(author=author, title="Week negen", categories="tuin", now=sunday_week_9)
    elders = make_post(author=author, title="Vraag in Tynaarlo", place="Vries", categories="tuin", now=at(5))
    make_match(elders, helper, at(6), confirmed_at=at(7))
    late = make_post(author=author, title="Week dertien", categories="tuin", now=at(25))
    make_match(late, helper, at(26), confirmed_at=at(27))
