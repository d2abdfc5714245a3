"""The helper agrees first, a coördinator proposes only aanbod that reaches the vraag, and four eyes."""
import pytest
from sqlalchemy import select

from tests.factories import make_post
from tests.mail.helpers import outbox
from tests.matching.conftest import EMAILS
from webapp.accounts.intake import create_intake_account
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.matching import services
from webapp.matching.models import ACCEPTED, CONFIRMED
from webapp.models_base import utcnow
from webapp.moderation.models import ModerationAction
from webapp.posts.vocab import PENDING


def _to(name):
    return [mail.kind for mail in outbox() if mail.to_address == EMAILS[name]]


def _logged():
    return [row.action for row in db.session.scalars(select(ModerationAction).order_by(ModerationAction.created_at))]


def test_a_proposal_reaches_the_helper_first_and_the_asker_once_the_helper_says_yes(app, client, people, log_in,
                                                                                     vraag, aanbod):
    match = services.propose(vraag, people["coordinator"], offer=aanbod)
    assert _to("helper") == ["matching/proposal"] and _to("asker") == []
    conversation = f"/voor-elkaar/mijn/gesprekken/{match.id}"
    log_in("asker")
    assert client.get(conversation).status_code == 403
    assert match.id not in client.get("/voor-elkaar/mijn").get_data(as_text=True)
    assert client.post(f"{conversation}/accepteren").status_code == 403

    log_in("helper")
    assert "Ja, ik help" in client.get(conversation).get_data(as_text=True)
    assert client.post(f"{conversation}/meedoen").status_code == 302
    assert _to("asker") == ["matching/decision"]
    log_in("asker")
    assert client.post(f"{conversation}/accepteren").status_code == 302
    log_in("coordinator")
    assert client.post(f"/coordinator/koppelingen/{match.id}/bevestigen").status_code == 302
    db.session.expire_all()
    assert match.status == CONFIRMED
    assert _logged() == ["propose_match", "confirm_match"]
    assert "Helper gevraagd (voorstel)" in client.get("/coordinator/logboek").get_data(as_text=True)


def test_an_askers_reaction_to_an_aanbod_waits_for_the_helpers_yes(app, people, vraag, aanbod):
    match = services.react_to_offer(aanbod, people["asker"], vraag, "Kunt u mij helpen?")
    with pytest.raises(RuleViolation) as refused:
        services.accept(match, people["asker"])
    assert "nog niet gezegd" in refused.value.reasons[0][1]
    services.agree(match, people["helper"])
    services.accept(match, people["asker"])
    assert match.status == ACCEPTED


@pytest.mark.parametrize("place, travel_km, reaches", [("7971", 5, False), ("7971", 10, True), ("9401", 30, False),
                                                        ("Nijeveen", 1, True)])
def test_a_coordinator_proposes_only_aanbod_that_reaches_the_vraag(app, people, vraag, place, travel_km, reaches):
    """Havelte (7971, gemeente Westerveld) lies about 9 km from Meppel, Assen (9401) 40 km; Nijeveen is Meppel."""
    offer = make_post("hulpaanbod", author=people["other"], place=place, travel_km=travel_km)
    if reaches:
        assert services.propose(vraag, people["coordinator"], offer=offer).helper_id == people["other"].id
    else:
        with pytest.raises(RuleViolation) as refused:
            services.propose(vraag, people["coordinator"], offer=offer)
        assert "te ver weg" in refused.value.reasons[0][1] and _logged() == []


def test_four_eyes_the_coordinator_who_acted_for_a_resident_does_not_approve_its_post(app, client, people, log_in):
    resident = create_intake_account(people["coordinator"], "Gerrit Bakker", "7941 AB", "0522 123 123", "Meppel")
    log_in("coordinator")
    client.post(f"/coordinator/inwoners/{resident.id}/namens")
    post = make_post(author=resident, status=PENDING, submitted_at=utcnow())
    refused = client.post(f"/coordinator/controle/{post.id}/goedkeuren")
    assert refused.status_code == 400 and "Een andere coördinator" in refused.get_data(as_text=True)
    db.session.expire_all()
    assert post.status == PENDING
    log_in("beheerder")  # another coördinator of Meppel
    assert client.post(f"/coordinator/controle/{post.id}/goedkeuren").status_code == 302
