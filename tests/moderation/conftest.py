"""Posts in every state a coördinator meets: waiting to go public, public with a waiting edit, reported."""
import pytest

from tests.factories import make_post
from webapp.extensions import db
from webapp.models_base import utcnow
from webapp.moderation.models import AbuseReport
from webapp.posts import publishing
from webapp.posts.vocab import OPEN, PENDING


@pytest.fixture
def pending(accounts):
    """A new vraag in Meppel, sent in by `inwoner`, with private details a coördinator may see."""
    return make_post(author=accounts["inwoner"], status=PENDING, title="Hulp bij boodschappen op dinsdag",
                     description="Ik kan zelf niet meer tillen.", place="7941 AB", submitted_at=utcnow(),
                     contact_phone="0522 123456")


@pytest.fixture
def edited(accounts):
    """A public aanbod in Meppel whose author asked for a new title and description."""
    post = make_post("hulpaanbod", author=accounts["inwoner"], status=OPEN, title="Ik help met de tuin",
                     description="Snoeien en maaien.", place="Nijeveen", categories="tuin")
    publishing.hold_changes(post, {"title": "Ik help met de computer", "description": "Mail en internet.",
                                   "categories": "computer-en-telefoon"})
    db.session.commit()
    return post


@pytest.fixture
def reported(accounts):
    """A public vraag by `inwoner`, reported by `inwoner_b`."""
    post = make_post(author=accounts["inwoner"], status=OPEN, title="Wie koopt mijn oude fiets", place="Rogat")
    report = AbuseReport(post_id=post.id, gemeente=post.gemeente, reporter_id=accounts["inwoner_b"].id,
                         reason="Dit is reclame, geen hulpvraag.")
    db.session.add(report)
    db.session.commit()
    return report
