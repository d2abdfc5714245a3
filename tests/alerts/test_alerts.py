"""Meldingen: new approved posts near a volunteer (or an asker), at once or in a digest, through the outbox, with a
one-click stop link; never a post that is not approved, never contact details."""
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.factories import make_post
from tests.mail.helpers import outbox
from webapp.alerts import services
from webapp.alerts.models import AlertSubscription
from webapp.extensions import db
from webapp.models_base import utcnow
from webapp.moderation import services as moderation
from webapp.posts.vocab import PENDING

HELPER = "buurvrouw@example.org"


def _subscribe(client, login, **fields):
    login("inwoner_b")
    data = {"kind": "hulpvraag", "place": "7941 AB", "radius_km": "5", "frequency": "direct", **fields}
    return client.post("/voor-elkaar/meldingen", data=data)


def _pending(accounts, **fields):
    return make_post(author=accounts["inwoner"], status=PENDING, submitted_at=utcnow(),
                     description="Bel 06 12345678", **fields)


def _alerts():
    return [mail for mail in outbox() if mail.kind == "alerts/new_posts"]


def test_a_volunteer_hears_of_an_approved_vraag_near_them_at_once(app, client, login, accounts):
    assert _subscribe(client, login, categories=["boodschappen"]).status_code == 302
    near = _pending(accounts, title="Boodschappen voor mij, bel 06 12345678")
    far = _pending(accounts, place="9481")
    other_subject = _pending(accounts, categories="tuin")
    private = _pending(accounts, coordinator_only=True)  # for the coördinator only: never announced
    assert _alerts() == []  # not before a coördinator approves
    for post in (near, other_subject, private):
        moderation.approve(post, accounts["coordinator"])
    moderation.approve(far, accounts["coordinator_elders"])  # Vries, gemeente Tynaarlo: 45 km
    [mail] = _alerts()
    assert mail.to_address == HELPER and f"/voor-elkaar/hulpvragen/{near.id}" in mail.text_body
    assert "06 12345678" not in mail.text_body + mail.html_body and "[verborgen]" in mail.text_body
    assert accounts["inwoner"].email not in mail.text_body and "Meppel" in mail.text_body
    assert "/voor-elkaar/meldingen/uit/" in mail.text_body


def test_the_digest_collects_the_day_and_sends_once(app, client, login, accounts, runner):
    _subscribe(client, login, frequency="dag")
    for title in ("Eerste vraag", "Tweede vraag"):
        moderation.approve(_pending(accounts, title=title), accounts["coordinator"])
    assert _alerts() == []
    assert services.send_digests() == 0  # the day has not passed yet
    assert services.send_digests(utcnow() + timedelta(days=1)) == 1
    [mail] = _alerts()
    assert "Eerste vraag" in mail.text_body and "Tweede vraag" in mail.text_body
    assert services.send_digests(utcnow() + timedelta(days=1, hours=1)) == 0
    result = runner.invoke(args=["meldingen", "send-digest"])
    assert result.exit_code == 0 and "Verzonden: 0" in result.output


def test_the_stop_link_works_without_login(app, client, login, accounts):
    _subscribe(client, login)
    moderation.approve(_pending(accounts), accounts["coordinator"])
    link = re.search(r"(/voor-elkaar/meldingen/uit/\S+)", _alerts()[0].text_body).group(1)
    client.post("/uitloggen")
    assert "Stoppen" in client.get(link).get_data(as_text=True)
    assert db.session.scalars(select(AlertSubscription)).all() != []  # a GET (a mail scanner) stops nothing
    assert "is gestopt" in client.post(link).get_data(as_text=True)
    assert db.session.scalars(select(AlertSubscription)).all() == []
    assert client.post(link).status_code == 404


@pytest.mark.parametrize("fields, message", [({"radius_km": "0"}, "van 1 tot 25 kilometer"),
                                             ({"radius_km": "500"}, "van 1 tot 25 kilometer"),
                                             ({"place": "Nergenshuizen"}, ""), ({"kind": "iets"}, "")])
def test_bad_subscriptions_are_refused_in_dutch(app, client, login, accounts, fields, message):
    response = _subscribe(client, login, **fields)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert db.session.scalars(select(AlertSubscription)).all() == []


def test_a_resident_sees_and_stops_only_their_own(app, client, login, accounts):
    _subscribe(client, login)
    subscription = db.session.scalars(select(AlertSubscription)).one()
    assert "binnen 5 km van 7941 AB" in client.get("/voor-elkaar/meldingen").get_data(as_text=True)
    login("inwoner")
    assert "binnen 5 km" not in client.get("/voor-elkaar/meldingen").get_data(as_text=True)
    assert client.post(f"/voor-elkaar/meldingen/{subscription.id}/stoppen").status_code == 404
    login("inwoner_b")
    assert client.post(f"/voor-elkaar/meldingen/{subscription.id}/stoppen").status_code == 302
    assert db.session.scalars(select(AlertSubscription)).all() == []


def test_the_data_download_holds_the_subscriptions(app, client, login, accounts):
    _subscribe(client, login, categories=["tuin"])
    data = client.get("/account/mijn-gegevens.json").get_json()
    assert data["mails over nieuwe berichten"] == [{"over": "hulpvraag", "plaats": "7941 AB", "afstand_km": 5,
                                                   "onderwerpen": ["tuin"], "hoe_vaak": "direct"}]


def test_the_alert_is_dutch_whatever_language_the_approving_coordinator_reads(client, login, accounts):
    """A mail to someone else never takes the language of whoever caused it: nor do the onderwerpen in it."""
    assert _subscribe(client, login, categories=["tuin"]).status_code == 302
    post = _pending(accounts, categories="tuin")
    login("coordinator")
    assert client.post(f"/coordinator/controle/{post.id}/goedkeuren",
                       headers={"Accept-Language": "en"}).status_code == 302
    [mail] = _alerts()
    assert mail.subject == "Nieuwe hulpvraag bij u in de buurt"
    assert "; Tuin)" in mail.text_body and "Garden" not in mail.text_body + mail.html_body
