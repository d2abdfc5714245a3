"""The search index stays in step with every status change of a vraag and an aanbod that voor elkaar makes:
moderation, matching, expiry, renewal, reports, blocking and account deletion (`flask search verify` passes)."""
from datetime import timedelta

from tests.conftest import verify_ok
from tests.factories import make_post
from webapp import search
from webapp.extensions import db
from webapp.matching import services
from webapp.models_base import utcnow
from webapp.moderation import blocking, reports, review
from webapp.posts import account_data, expiry, publishing, services as post_services
from webapp.posts.vocab import OPEN, PENDING


def _indexed(kind, post, words=None):
    return post.id in {hit.row_id for hit in search.search_kind(kind, words or post.title).hits}


def test_every_voor_elkaar_change_reaches_the_index(app, runner, people, aanbod):
    coordinator = people["coordinator"]
    vraag = make_post(author=people["asker"], status=PENDING, title="Gordijnen ophangen in de kamer")
    review.approve(vraag, coordinator)
    assert _indexed("hulpvraag", vraag)
    verify_ok(runner)
    match = services.react_to_request(vraag, people["helper"], "Ik kom graag")
    services.accept(match, people["asker"])
    services.confirm(match, coordinator)
    assert not _indexed("hulpvraag", vraag)  # gekoppeld: off the board
    verify_ok(runner)
    services.cancel(match, coordinator, "De helper is verhuisd")
    assert vraag.status == OPEN and _indexed("hulpvraag", vraag)
    verify_ok(runner)
    expiry.expire_due(utcnow() + timedelta(weeks=9))
    assert not _indexed("hulpvraag", vraag)
    post_services.renew_post(vraag)
    assert _indexed("hulpvraag", vraag)
    verify_ok(runner)
    publishing.hold_changes(vraag, {"title": "Vitrage ophangen in de kamer"})
    db.session.commit()
    assert not _indexed("hulpvraag", vraag, "vitrage")  # the edit waits: the index keeps the approved title
    review.approve(vraag, coordinator)
    assert _indexed("hulpvraag", vraag, "vitrage")
    verify_ok(runner)
    report = reports.report(vraag, people["other"], None, "Dit is reclame")
    reports.handle_report(report, coordinator, True, "Reclame")
    assert not _indexed("hulpvraag", vraag)
    verify_ok(runner)
    blocking.block(people["helper"], coordinator, "Misbruik")
    assert not _indexed("hulpaanbod", aanbod)
    verify_ok(runner)
    other = make_post(author=people["asker"], title="Hulp bij de computer")
    account_data.anonymise_posts(people["asker"])
    db.session.commit()
    assert not _indexed("hulpvraag", other)
    verify_ok(runner)
