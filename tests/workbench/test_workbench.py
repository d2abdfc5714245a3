"""The coördinator's workbench: a coördinator lands on it and sees what waits, of their own gemeenten only."""
from datetime import timedelta

from tests.factories import make_post
from webapp.matching import services
from webapp.models_base import utcnow
from webapp.posts.vocab import PENDING


def _line(page, label):
    return page.split(label + "</a>: <strong>")[1].split("<")[0]


def test_a_coordinator_lands_on_the_workbench_with_the_counts(client, login, accounts):
    make_post(author=accounts["inwoner"], status=PENDING, submitted_at=utcnow())
    vraag = make_post(author=accounts["inwoner"], title="Wie helpt met de tuin", now=utcnow() - timedelta(days=8))
    other = make_post(author=accounts["inwoner"])
    match = services.react_to_request(other, accounts["inwoner_b"], "Ik help graag")
    services.accept(match, accounts["inwoner"])

    response = client.post("/inloggen", data={"email": "coordinator@example.org", "password": "een-lang-wachtwoord"})
    assert response.location.endswith("/coordinator")
    page = client.get("/coordinator").get_data(as_text=True)
    assert _line(page, "Te controleren berichten") == "1"
    assert _line(page, "Koppelingen om te bevestigen (de vrager nam de hulp aan)") == "1"
    assert f"/coordinator/hulpvragen/{vraag.id}/suggesties" in page

    login("coordinator_elders")
    page = client.get("/coordinator").get_data(as_text=True)
    assert _line(page, "Te controleren berichten") == "0" and vraag.id not in page


def test_only_coordinators(client, login):
    login("inwoner")
    assert client.get("/coordinator").status_code == 403
    login(None)
    assert "/inloggen" in client.get("/coordinator").location
