"""Follow-up: a planned day, 'Hoe ging het?' after it by mail with a signed link (no login), one reminder, and
the answers on the coördinator's list."""
import re
from datetime import date, timedelta

import pytest

from tests.factories import make_post
from tests.mail.helpers import outbox
from tests.matching.conftest import EMAILS, FIRST_MESSAGE
from webapp.extensions import db
from webapp.matching import followup, services
from webapp.matching.models import COMPLETED, CONFIRMED
from webapp.models_base import utcnow

TODAY = date.today()


def _confirmed(people, **when):
    vraag = make_post(author=people["asker"], **when)
    match = services.react_to_request(vraag, people["helper"], FIRST_MESSAGE)
    services.accept(match, people["asker"])
    services.confirm(match, people["coordinator"])
    return match


@pytest.mark.parametrize("when, planned", [
    ({"when_kind": "datum", "date_from": TODAY + timedelta(days=3)}, TODAY + timedelta(days=3)),
    ({"when_kind": "periode", "date_from": TODAY, "date_until": TODAY + timedelta(days=9)}, TODAY + timedelta(days=9)),
    ({"when_kind": "datum", "date_from": TODAY - timedelta(days=3)}, TODAY),
    ({"when_kind": "flexibel"}, TODAY + timedelta(days=14)),
    ({"when_kind": "terugkerend"}, TODAY + timedelta(days=14))])
def test_the_planned_day(app, people, when, planned):
    assert _confirmed(people, **when).planned_on == planned


def _links(kind="matching/follow_up"):
    return {mail.to_address: re.search(r"(/voor-elkaar/hoe-ging-het/\S+)", mail.text_body).group(1)
            for mail in outbox() if mail.kind == kind}


def test_how_did_it_go_comes_after_the_planned_day_by_mail_and_reaches_the_coordinator(app, client, people, log_in):
    match = _confirmed(people, when_kind="datum", date_from=TODAY + timedelta(days=2))
    log_in("asker")
    page = client.get(f"/voor-elkaar/mijn/gesprekken/{match.id}").get_data(as_text=True)
    assert "Hoe ging het?" not in page and "Afronden" not in page
    assert client.post(f"/voor-elkaar/mijn/gesprekken/{match.id}/afronden", data={"verdict": "goed"}).status_code == 403
    assert followup.run().asked == 0

    match.planned_on = TODAY - timedelta(days=1)  # the days go by: the help took place yesterday
    db.session.commit()
    assert (followup.run().asked, followup.run().asked) == (1, 0)  # once
    links = _links()
    assert set(links) == {EMAILS["asker"], EMAILS["helper"]}

    client.post("/uitloggen")  # the link needs no login
    link = links[EMAILS["helper"]]
    assert "Hoe ging het?" in client.get(link).get_data(as_text=True)
    assert client.post(link, data={"verdict": "", "comment": "x"}).status_code == 400
    answer = client.post(link, data={"verdict": "niet_goed", "comment": "De vrager was er niet."})
    assert "Dank u wel" in answer.get_data(as_text=True)
    db.session.expire_all()
    assert match.status == COMPLETED
    assert "al verteld" in client.post(link, data={"verdict": "goed"}).get_data(as_text=True)

    log_in("coordinator")
    assert "Hulp die niet goed ging</a>: <strong>1</strong>" in client.get("/coordinator").get_data(as_text=True)
    assert "De vrager was er niet." in client.get("/coordinator/opvolgen").get_data(as_text=True)
    client.post(f"/coordinator/koppelingen/{match.id}/notitie", data={"note": "Gebeld, misverstand over de dag."})
    assert "Hulp die niet goed ging</a>: <strong>0</strong>" in client.get("/coordinator").get_data(as_text=True)
    assert "Notitie bij een koppeling" in client.get("/coordinator/logboek").get_data(as_text=True)
    log_in("asker")
    assert "misverstand" not in client.get(f"/voor-elkaar/mijn/gesprekken/{match.id}").get_data(as_text=True)


def test_one_reminder_two_weeks_later_then_the_coordinators_list(app, client, people, log_in):
    match = _confirmed(people, when_kind="flexibel")
    start = utcnow() + timedelta(days=15)
    followup.run(start)
    assert followup.run(start + timedelta(days=13)).reminded == 0
    assert followup.run(start + timedelta(days=14)).reminded == 1
    assert followup.run(start + timedelta(days=40)).reminded == 0
    assert [mail.subject for mail in outbox() if mail.to_address == EMAILS["asker"]][-1] == "Herinnering: hoe ging het?"
    log_in("coordinator")
    assert match.id in client.get("/coordinator/opvolgen").get_data(as_text=True)
    assert match.status == CONFIRMED


def test_a_broken_or_foreign_link_says_so(app, client, people):
    assert "werkt niet" in client.get("/voor-elkaar/hoe-ging-het/onzin").get_data(as_text=True)
    match = _confirmed(people, when_kind="flexibel")
    forged = followup.feedback_url(match, people["other"]).split("/voor-elkaar")[1]
    assert client.get("/voor-elkaar" + forged).status_code == 404


def test_the_command(app, runner, people):
    _confirmed(people, when_kind="datum", date_from=TODAY - timedelta(days=1))
    result = runner.invoke(args=["koppelingen", "follow-up"])
    assert result.exit_code == 0 and "Gevraagd hoe het ging: 0" in result.output  # the planned day is today


def test_the_coordinators_note_goes_with_the_conversation_at_retention(app, people):
    from webapp.matching.retention import purge_conversations
    match = _confirmed(people, when_kind="flexibel")
    services.write_note(match, people["coordinator"], "Gebeld: alles goed.")
    services.complete(match, people["coordinator"])
    purge_conversations(app, utcnow() + timedelta(days=181))
    db.session.commit()
    db.session.refresh(match)
    assert match.coordinator_note is None
