"""Providers keep their listing right: the reminder timer, the signed link (confirm or correct), the beheer queue
with per-field accept, a link sent by hand, 'Klopt er iets niet?' and the notice on an old listing."""
import re
import time as clock_time
from datetime import date, datetime, time, timedelta, timezone

import itsdangerous.timed
import pytest
from sqlalchemy import select

from tests.html_forms import main_form
from tests.mail.helpers import outbox
from tests.factories import make_service
from webapp.directory.audit import AuditEntry
from webapp.directory.models import Schedule, Service
from webapp.extensions import db
from webapp.providers.models import ListingReminder, ListingSuggestion
from webapp.providers.reminders import remind_stale

TODAY = date.today()


def check_links():
    return [re.search(r"https?://\S+/controleren/[\w.-]+", mail.text_body)[0] for mail in outbox()
            if mail.kind == "providers/check_listing"]


def path(link):
    return link.split("buurtkaart.test", 1)[1]


def fresh(service):
    db.session.expire_all()
    return db.session.get(Service, service.id)


@pytest.fixture
def stale(app):
    service = make_service("Inloop De Schakel", email="info@deschakel.example", phone="0522 111 222",
                           last_checked_on=TODAY - timedelta(days=400), commit=False)
    service.schedules = [Schedule(weekday=0, opens=time(9), closes=time(12))]
    db.session.commit()
    return service


def test_the_timer_mails_each_stale_listing_once_per_period(stale, runner):
    make_service("Pas Nagekeken", email="pas@example.org", last_checked_on=TODAY - timedelta(days=30))
    make_service("Zonder Adres", last_checked_on=None)
    result = runner.invoke(args=["kaart", "remind-providers"])
    assert result.exit_code == 0, result.output
    assert "Herinneringen verstuurd: 1. Kort geleden al herinnerd: 0. Zonder e-mailadres: 1." in result.output
    [mail] = outbox()
    assert mail.to_address == "info@deschakel.example"
    assert "Kloppen de gegevens van Inloop De Schakel nog?" == mail.subject
    assert "30 dagen" in mail.text_body and len(check_links()) == 1
    again = runner.invoke(args=["kaart", "remind-providers"])
    assert "Herinneringen verstuurd: 0. Kort geleden al herinnerd: 1." in again.output
    later = remind_stale(datetime.now(timezone.utc) + timedelta(days=91))
    assert later.sent == 1 and len(outbox()) == 2


def test_alles_klopt_sets_laatst_gecontroleerd_without_an_account(stale, client):
    remind_stale()
    page = client.get(path(check_links()[0]))
    assert page.status_code == 200
    form = main_form(page.text)
    assert form["phone"] == "0522 111 222" and form["day_0"] == "09:00-12:00" and form["day_1"] == ""
    response = client.post(path(check_links()[0]), data={**form, "confirm": "Alles klopt"})
    assert response.status_code == 302 and "/gecontroleerd" in response.location
    assert fresh(stale).last_checked_on == TODAY
    [entry] = db.session.scalars(select(AuditEntry).where(AuditEntry.service_id == stale.id)).all()
    assert entry.actor == "aanbieder via link: info@deschakel.example" and entry.user_id is None
    assert "kunnen verouderd zijn" not in client.get(f"/voorzieningen/{stale.slug}").text


def test_a_correction_waits_in_the_queue_and_is_accepted_per_field(stale, client, login):
    remind_stale()
    link = path(check_links()[0])
    form = main_form(client.get(link).text)
    response = client.post(link, data={**form, "phone": "0522 999 000", "day_1": "13:00-17:00",
                                       "note": "Op dinsdag ook open.", "send": "Wijzigingen doorgeven"})
    assert response.status_code == 302 and "doorgegeven" in response.location
    assert fresh(stale).phone == "0522 111 222"  # nothing public changes before a beheerder accepts
    [suggestion] = db.session.scalars(select(ListingSuggestion)).all()
    assert [(c["field"], c["old"], c["new"]) for c in suggestion.changes] == [
        ("phone", "0522 111 222", "0522 999 000"),
        ("hours", "maandag 09:00-12:00", "maandag 09:00-12:00; dinsdag 13:00-17:00")]

    login("beheerder")
    queue = client.get("/beheer/meldingen").text
    assert "Inloop De Schakel" in queue and "0522 999 000" in queue and "Op dinsdag ook open." in queue
    form = main_form(queue, marker=f'action="/beheer/meldingen/{suggestion.id}"')
    prefix = f"melding-{suggestion.id[:8]}-"
    response = client.post(f"/beheer/meldingen/{suggestion.id}", data={**form, prefix + "fields": ["phone"]})
    assert response.status_code == 302
    service = fresh(stale)
    assert service.phone == "0522 999 000" and [s.weekday for s in service.schedules] == [0]
    assert service.last_checked_on == suggestion.created_at.date()
    assert db.session.get(ListingSuggestion, suggestion.id).accepted == ["phone"]
    assert "Er zijn geen open meldingen." in client.get("/beheer/meldingen").text


def test_accepted_hours_replace_the_weekly_slots(stale, client, login):
    remind_stale()
    link = path(check_links()[0])
    client.post(link, data={**main_form(client.get(link).text), "day_0": "", "day_4": "09:00-12:00, 13:00-16:30",
                            "send": "x"})
    [suggestion] = db.session.scalars(select(ListingSuggestion)).all()
    login("beheerder")
    form = main_form(client.get("/beheer/meldingen").text, marker=f'action="/beheer/meldingen/{suggestion.id}"')
    client.post(f"/beheer/meldingen/{suggestion.id}", data={**form, f"melding-{suggestion.id[:8]}-fields": "hours"})
    assert [(s.weekday, s.opens, s.closes) for s in fresh(stale).schedules] == [
        (4, time(9), time(12)), (4, time(13), time(16, 30))]


def test_unclear_hours_are_explained_and_nothing_is_queued(stale, client):
    remind_stale()
    link = path(check_links()[0])
    response = client.post(link, data={**main_form(client.get(link).text), "day_2": "9 tot 5", "send": "x"})
    assert response.status_code == 400
    assert "Schrijf de tijden zoals 09:00-12:00" in response.text
    assert db.session.scalars(select(ListingSuggestion)).all() == []


def test_a_link_that_is_tampered_expired_or_for_an_archived_listing_does_not_work(stale, client, monkeypatch):
    remind_stale()
    link = path(check_links()[0])
    assert "Deze link klopt niet" in client.get(link[:-3] + "abc").text
    stale.archived_at = datetime.now(timezone.utc)
    db.session.commit()
    assert client.get(link).status_code == 400
    stale.archived_at = None
    db.session.commit()
    assert client.get(link).status_code == 200
    later = int(clock_time.time()) + 31 * 86400
    monkeypatch.setattr(itsdangerous.timed.TimestampSigner, "get_timestamp", lambda self: later)
    response = client.get(link)
    assert response.status_code == 400 and "Deze link is verlopen" in response.text


def test_a_beheerder_sends_the_link_by_hand_to_a_new_provider(app, client, login):
    service = make_service("Geldloket Meppel", gemeente="Meppel")
    login("beheerder")
    form = main_form(client.get(f"/beheer/voorzieningen/{service.id}/bewerken").text,
                     marker=f'action="/beheer/voorzieningen/{service.id}/controlelink"')
    assert form["email"] == ""
    response = client.post(f"/beheer/voorzieningen/{service.id}/controlelink",
                           data={**form, "email": "Balie@Geldloket.example"}, follow_redirects=True)
    assert "De link is verstuurd naar Balie@Geldloket.example" in response.text
    [reminder] = db.session.scalars(select(ListingReminder)).all()
    assert (reminder.to_address, reminder.by_hand, reminder.actor) == (
        "balie@geldloket.example", True, "beheerder@example.org")
    assert [mail.to_address for mail in outbox()] == ["balie@geldloket.example"]
    refused = client.post(f"/beheer/voorzieningen/{service.id}/controlelink", data={**form, "email": "geen adres"},
                          follow_redirects=True)
    assert "e-mailadres" in refused.text and len(outbox()) == 1


def test_another_gemeentes_beheerder_may_not(stale, client, login):
    client.post(f"/voorzieningen/{stale.slug}/klopt-er-iets-niet", data={"note": "Verhuisd."})
    [suggestion] = db.session.scalars(select(ListingSuggestion)).all()
    login("beheerder_elders")
    assert "Er zijn geen open meldingen." in client.get("/beheer/meldingen").text
    assert client.post(f"/beheer/meldingen/{suggestion.id}", data={}).status_code == 403
    assert client.post(f"/beheer/voorzieningen/{stale.id}/controlelink",
                       data={"email": "a@example.org"}).status_code == 403
    assert outbox() == []


def test_a_stale_page_in_the_queue_is_a_conflict(stale, client, login):
    client.post(f"/voorzieningen/{stale.slug}/klopt-er-iets-niet", data={"note": "Het nummer klopt niet."})
    [suggestion] = db.session.scalars(select(ListingSuggestion)).all()
    login("beheerder")
    form = main_form(client.get("/beheer/meldingen").text, marker=f'action="/beheer/meldingen/{suggestion.id}"')
    stale.phone = "0522 000 111"
    db.session.commit()
    assert client.post(f"/beheer/meldingen/{suggestion.id}", data=form).status_code == 409
    assert db.session.get(ListingSuggestion, suggestion.id).status == "open"


def test_klopt_er_iets_niet_goes_to_the_queue_and_is_limited(stale, client):
    page = client.get(f"/voorzieningen/{stale.slug}").text
    assert f'href="/voorzieningen/{stale.slug}/klopt-er-iets-niet"' in page
    url = f"/voorzieningen/{stale.slug}/klopt-er-iets-niet"
    assert client.get(url).status_code == 200
    empty = client.post(url, data={"note": "  "})
    assert empty.status_code == 400 and "Schrijf wat er niet klopt." in empty.text
    sent = client.post(url, data={"note": "Ze zijn verhuisd naar de Kerkstraat.", "email": "buur@example.org"},
                       follow_redirects=True)
    assert "Dank u wel" in sent.text
    [suggestion] = db.session.scalars(select(ListingSuggestion)).all()
    assert (suggestion.source, suggestion.note, suggestion.contact_email) == (
        "bezoeker", "Ze zijn verhuisd naar de Kerkstraat.", "buur@example.org")
    for _number in range(4):
        assert client.post(url, data={"note": "Nog iets."}).status_code == 302
    assert client.post(url, data={"note": "Nog iets."}).status_code == 429
    assert len(db.session.scalars(select(ListingSuggestion)).all()) == 5


@pytest.mark.parametrize("checked, notice", [
    (None, "nog niet bij de aanbieder nagevraagd"), (TODAY - timedelta(days=400), "langer dan een jaar niet"),
    (TODAY - timedelta(days=30), None)])
def test_an_old_listing_says_gently_that_it_may_be_out_of_date(app, client, checked, notice):
    service = make_service("Buurthuis", last_checked_on=checked)
    page = client.get(f"/voorzieningen/{service.slug}").text
    if notice:
        assert notice in page and "bel of mail even voordat u gaat" in page
    else:
        assert "kunnen verouderd zijn" not in page


def test_privacy_purge_removes_handled_meldingen_and_old_reminders(stale, client, login, runner):
    remind_stale(datetime.now(timezone.utc) - timedelta(days=400))
    client.post(f"/voorzieningen/{stale.slug}/klopt-er-iets-niet", data={"note": "Oud.", "email": "buur@example.org"})
    client.post(f"/voorzieningen/{stale.slug}/klopt-er-iets-niet", data={"note": "Nog open."})
    old, still_open = db.session.scalars(select(ListingSuggestion).order_by(ListingSuggestion.note.desc())).all()
    old.status, old.handled_at = "afgehandeld", datetime.now(timezone.utc) - timedelta(days=366)
    db.session.commit()
    result = runner.invoke(args=["privacy", "purge"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert [s.note for s in db.session.scalars(select(ListingSuggestion))] == ["Nog open."]
    assert db.session.scalars(select(ListingReminder)).all() == []
