"""'Meld misbruik': the public form, the coördinator's queue, the outcome mailed to the reporter only."""
import pytest
from sqlalchemy import func, select

from tests.factories import make_post
from tests.mail.helpers import outbox
from webapp import search
from webapp.extensions import db
from webapp.moderation import services
from webapp.moderation.models import REPORT_DISMISSED, REPORT_OPEN, REPORT_UPHELD, AbuseReport, ModerationAction
from webapp.posts.models import Post
from webapp.posts.vocab import OPEN, WITHDRAWN


@pytest.fixture
def public_post(accounts):
    return make_post(author=accounts["inwoner"], status=OPEN, title="Wie helpt met mijn fiets", place="Rogat")


def all_reports():
    db.session.expire_all()
    return db.session.scalars(select(AbuseReport).order_by(AbuseReport.created_at)).all()


def handle(client, report, outcome, note):
    prefix = f"melding-{report.id[:8]}-"
    return client.post(f"/coordinator/meldingen/{report.id}", data={prefix + "outcome": outcome, prefix + "note": note})


def test_an_anonymous_report_with_an_address_hears_the_outcome(client, login, accounts, public_post):
    response = client.post(f"/voor-elkaar/berichten/{public_post.id}/melden",
                           data={"reason": "Dit is een advertentie.", "email": "Melder@Example.org"})
    assert response.status_code == 302
    assert "Dank u wel" in client.get(response.headers["Location"]).get_data(as_text=True)
    [report] = all_reports()
    assert (report.gemeente, report.reporter_id, report.reporter_email, report.status) == (
        "Meppel", None, "melder@example.org", REPORT_OPEN)

    login("coordinator")
    page = client.get("/coordinator/meldingen").get_data(as_text=True)
    assert "Dit is een advertentie." in page and "melder@example.org" not in page
    assert handle(client, report, "gegrond", "Reclame hoort hier niet.").status_code == 302

    post = db.session.get(Post, public_post.id)
    assert post.status == WITHDRAWN and post.moderation_note == "Reclame hoort hier niet."
    assert search.search_kind("hulpvraag", "fiets").hits == []
    [report] = all_reports()
    assert (report.status, report.handled_by_id, report.outcome) == (
        REPORT_UPHELD, accounts["coordinator"].id, "Reclame hoort hier niet.")
    to_author, to_reporter = outbox()
    assert to_author.to_address == "inwoner@example.org" and "Reclame hoort hier niet." in to_author.text_body
    assert "melder" not in to_author.text_body + to_author.html_body
    assert to_reporter.to_address == "melder@example.org" and "offline gehaald" in to_reporter.text_body
    assert "Reclame hoort hier niet." not in to_reporter.text_body  # the note is for the author and the log
    assert "inwoner@example.org" not in to_reporter.text_body + to_reporter.html_body
    [row] = db.session.scalars(select(ModerationAction)).all()
    assert (row.action, row.report_id, row.post_id, row.reason) == (
        "report_upheld", report.id, post.id, "Reclame hoort hier niet.")
    assert "Melding gegrond" in client.get("/coordinator/logboek").get_data(as_text=True)


def test_a_dismissed_report_changes_nothing_but_tells_the_reporter(client, login, accounts, reported):
    login("beheerder")
    assert handle(client, reported, "ongegrond", "Een gewone vraag.").status_code == 302
    post = db.session.get(Post, reported.post_id)
    assert post.status == OPEN and post.moderation_note is None
    assert search.search_kind("hulpvraag", "fiets").hits[0].row_id == post.id
    [report] = all_reports()
    assert report.status == REPORT_DISMISSED
    [mail] = outbox()
    assert mail.to_address == "buurvrouw@example.org" and "blijft staan" in mail.text_body
    assert [row.action for row in db.session.scalars(select(ModerationAction))] == ["report_dismissed"]


def test_upholding_one_report_decides_every_waiting_report_of_the_post(app, accounts, reported):
    other = services.report(reported.post, None, "", "Oplichterij.")
    services.handle_report(reported, accounts["coordinator"], True, "Offline.")
    assert {report.status for report in all_reports()} == {REPORT_UPHELD}
    assert db.session.get(AbuseReport, other.id).outcome == "Offline."


def test_a_logged_in_reporter_reports_with_the_account(client, login, accounts, public_post):
    login("inwoner_b")
    page = client.get(f"/voor-elkaar/berichten/{public_post.id}/melden").get_data(as_text=True)
    assert "e-mailadres" not in page
    assert client.post(f"/voor-elkaar/berichten/{public_post.id}/melden",
                       data={"reason": "Gemeen.", "email": "ander@example.org"}).status_code == 302
    [report] = all_reports()
    assert (report.reporter_id, report.reporter_email) == (accounts["inwoner_b"].id, None)
    again = client.post(f"/voor-elkaar/berichten/{public_post.id}/melden", data={"reason": "Nog steeds gemeen."})
    assert again.status_code == 400 and "U heeft dit bericht al gemeld." in again.get_data(as_text=True)
    assert len(all_reports()) == 1


@pytest.mark.parametrize("data, message", [
    ({"reason": ""}, "Vul een reden in."),
    ({"reason": "x" * 1001}, "Gebruik hoogstens 1000 tekens."),
    ({"reason": "Spam", "email": "geen-adres"}, "e-mailadres"),
])
def test_bad_report_input_is_refused_in_dutch(client, public_post, data, message):
    response = client.post(f"/voor-elkaar/berichten/{public_post.id}/melden", data=data)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert all_reports() == []


def test_the_author_cannot_report_their_own_post(client, login, public_post):
    login("inwoner")
    response = client.post(f"/voor-elkaar/berichten/{public_post.id}/melden", data={"reason": "Oeps"})
    assert response.status_code == 400 and "eigen bericht" in response.get_data(as_text=True)
    assert all_reports() == []


def test_reports_are_counted_per_reporter_not_per_gemeente(app, client, login, accounts, public_post):
    """The old single bucket per gemeente is gone: one address's flood does not silence another reporter."""
    app.config["RATELIMIT_REPORTS"] = "2 per hour"
    others = [make_post(author=accounts["inwoner"], status=OPEN, title=f"Bericht {n}") for n in range(3)]
    for post in others[:2]:
        assert client.post(f"/voor-elkaar/berichten/{post.id}/melden", data={"reason": "Spam"}).status_code == 302
    refused = client.post(f"/voor-elkaar/berichten/{others[2].id}/melden", data={"reason": "Spam"})
    assert refused.status_code == 429 and "Probeer het over" in refused.get_data(as_text=True)
    elsewhere = client.post(f"/voor-elkaar/berichten/{public_post.id}/melden", data={"reason": "Spam"},
                            environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert elsewhere.status_code == 302
    assert db.session.scalar(select(func.count()).select_from(AbuseReport)) == 3


def test_a_report_handled_twice_says_so_in_dutch(client, login, reported):
    login("coordinator")
    assert handle(client, reported, "ongegrond", "Prima.").status_code == 302
    response = handle(client, reported, "gegrond", "Toch niet.")
    assert response.status_code == 400 and "al afgehandeld" in response.get_data(as_text=True)
    assert all_reports()[0].status == REPORT_DISMISSED and len(outbox()) == 1


@pytest.mark.parametrize("outcome, note, message", [
    ("gegrond", "", "Vul een toelichting in."), ("misschien", "Hm.", "Kies gegrond of ongegrond."),
    ("", "Hm.", "Kies gegrond of ongegrond."),
    ("ongegrond", "x" * 1001, "Gebruik hoogstens 1000 tekens."),
])
def test_bad_handling_input_changes_nothing(client, login, reported, outcome, note, message):
    login("coordinator")
    response = handle(client, reported, outcome, note)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert all_reports()[0].status == REPORT_OPEN and outbox() == []
    assert db.session.scalar(select(func.count()).select_from(ModerationAction)) == 0


def test_the_report_link_partial_points_at_the_form(app, public_post):
    with app.test_request_context():
        html = app.jinja_env.get_template("moderation/_report_link.html").render(post=public_post)
    assert "Meld misbruik" in html and f'/voor-elkaar/berichten/{public_post.id}/melden"' in html
