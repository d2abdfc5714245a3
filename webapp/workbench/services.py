"""What waits for a coördinator, counted per kind of work from each package's own queries."""
from dataclasses import dataclass, field

from sqlalchemy import func, select

from webapp.dashboard.queries import unanswered_requests
from webapp.extensions import db
from webapp.matching import followup
from webapp.matching.models import ACCEPTED, PROPOSED, Match
from webapp.models_base import utcnow
from webapp.moderation.queries import open_reports, review_queue
from webapp.text import mask_contact

UNANSWERED_SHOWN = 10  # vragen without a reaction listed on the page itself, the oldest first


@dataclass
class Work:
    to_review: int
    reports: int
    proposed: int
    to_confirm: int
    to_follow_up: int
    bad_outcomes: int
    unanswered: list = field(default_factory=list)  # (vraag, masked title), the oldest first

    @property
    def total(self):
        return (self.to_review + self.reports + self.to_confirm + self.to_follow_up + self.bad_outcomes
                + len(self.unanswered))


def work_for(coordinator):
    gemeenten = coordinator.gemeenten
    now = utcnow()
    unanswered = [(vraag, mask_contact(vraag.title)) for gemeente in gemeenten
                  for vraag in unanswered_requests(gemeente, now)]
    return Work(to_review=len(review_queue(gemeenten)), reports=len(open_reports(gemeenten)),
                proposed=_matches(gemeenten, PROPOSED), to_confirm=_matches(gemeenten, ACCEPTED),
                to_follow_up=len(followup.to_follow_up(gemeenten)), bad_outcomes=len(followup.bad_outcomes(gemeenten)),
                unanswered=unanswered[:UNANSWERED_SHOWN])


def _matches(gemeenten, status):
    return db.session.scalar(select(func.count()).select_from(Match).where(
        Match.gemeente.in_(gemeenten), Match.status == status))
