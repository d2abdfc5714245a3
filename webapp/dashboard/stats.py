"""The dashboard's numbers, worked out in Python from the rows of queries.py (pure: no database, no clock).

Definitions (the page explains the same):
- vragen / aanbod: posts sent in, in the ISO week they were sent in; per category a vraag counts for its
  category, an aanbod for each of its categories.
- unique connections: Match rows (one per vraag and helper), in the week they were made; reacties are the
  connections a helper or vrager started (a coördinator's proposal is a connection, not a reactie).
- bevestigde matches: matches with a confirmation, in the week of the confirmation (afgerond ones included;
  one cancelled after its confirmation still counts: it was a match that week).
- match rate: bevestigde matches / unique connections of the same period; None without connections.
- medians, per vraag published in the period (grouped by the week it was published): first connection minus
  published_at ("time to a first reaction"), first confirmation minus published_at ("time to a match");
  only vragen that have one count.
"""
import statistics
from dataclasses import dataclass, field

from webapp.dashboard.periods import as_utc, week_key
from webapp.matching.models import BY_ASKER, BY_HELPER
from webapp.posts.vocab import CATEGORIES, REQUEST

OTHER = "overig"
REACTIONS = (BY_HELPER, BY_ASKER)


@dataclass
class Bucket:
    vragen: int = 0
    aanbod: int = 0
    reacties: int = 0
    connections: int = 0
    matches: int = 0
    reaction_waits: list = field(default_factory=list)  # seconds, one per vraag with a connection
    match_waits: list = field(default_factory=list)  # seconds, one per vraag with a confirmed match

    @property
    def match_rate(self):
        return self.matches / self.connections if self.connections else None

    @property
    def median_reaction(self):
        return median(self.reaction_waits)

    @property
    def median_match(self):
        return median(self.match_waits)


@dataclass
class Dashboard:
    weeks: list  # [(Week, Bucket)] in order, empty weeks included
    categories: list  # [(slug, Bucket)] in the order of CATEGORIES
    total: Bucket

    def __post_init__(self):
        self._by_week = {week.key: bucket for week, bucket in self.weeks}
        self._by_category = dict(self.categories)

    def record(self, moment, slugs, measure, value=1):
        """Add `value` to `measure` of the moment's week, the total and each category in `slugs`."""
        week = self._by_week.get(week_key(moment))
        if week is None:  # outside the period: the queries filter already, this only guards the edges
            return
        for bucket in (week, self.total, *(self._by_category[slug] for slug in slugs)):
            current = getattr(bucket, measure)
            if isinstance(current, list):
                current.append(value)
            else:
                setattr(bucket, measure, current + value)


def median(values):
    return statistics.median(values) if values else None


def request_category(categories):
    """A vraag has one category: the first known slug, else 'overig'."""
    return next((slug for slug in categories.split(",") if slug in CATEGORIES), OTHER)


def offer_categories(categories):
    return list(dict.fromkeys(slug for slug in categories.split(",") if slug in CATEGORIES)) or [OTHER]


def compute(period, posts, connections, confirmations, waits):
    """The dashboard of `period` from the rows of queries.sent_posts, .connections, .confirmations and .waits."""
    dashboard = Dashboard(weeks=[(week, Bucket()) for week in period.weeks()],
                          categories=[(slug, Bucket()) for slug in CATEGORIES], total=Bucket())
    for kind, categories, moment in posts:
        if kind == REQUEST:
            dashboard.record(moment, [request_category(categories)], "vragen")
        else:
            dashboard.record(moment, offer_categories(categories), "aanbod")
    for created_at, started_by, categories in connections:
        slugs = [request_category(categories)]
        dashboard.record(created_at, slugs, "connections")
        if started_by in REACTIONS:
            dashboard.record(created_at, slugs, "reacties")
    for confirmed_at, categories in confirmations:
        dashboard.record(confirmed_at, [request_category(categories)], "matches")
    for categories, published_at, first_connection, first_confirmation in waits:
        slugs = [request_category(categories)]
        if first_connection is not None:
            dashboard.record(published_at, slugs, "reaction_waits", _seconds(published_at, first_connection))
        if first_confirmation is not None:
            dashboard.record(published_at, slugs, "match_waits", _seconds(published_at, first_confirmation))
    return dashboard


def _seconds(start, end):
    """Never negative: a connection made before publication (a vrager reacting to an aanbod) waited 0 s."""
    return max(0.0, (as_utc(end) - as_utc(start)).total_seconds())
