"""The agenda through the app: beheer enters activities, residents find them by words, place and week, on the
voorziening's page and as iCalendar feeds. The clock is frozen on Wednesday 9 December 2026, 10:00 in Meppel."""
from datetime import date, datetime, time, timezone

import pytest
from icalendar import Calendar
from sqlalchemy import func, select

from tests.directory.test_routes import Page
from tests.factories import make_service
from webapp.agenda.models import Activity
from webapp.directory import hours
from webapp.extensions import db
from webapp.models_base import utcnow
from webapp.search.rebuild import verify

MEPPEL, VRIES = (52.6956, 6.1937), (53.0747, 6.5770)


@pytest.fixture(autouse=True)
def wednesday():
    # A monkeypatch of its own: the accounts fixture undoes the shared one.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(hours, "utc_now", lambda: datetime(2026, 12, 9, 9, 0, tzinfo=timezone.utc))
        yield


@pytest.fixture
def buurthuis(app):
    return make_service("Buurthuis De Schakel", point=MEPPEL, precision="adres")


def add(client, service, **fields):
    data = {"title": "Koffieochtend", "description": "", "starts_on": "2026-12-03", "start_time": "10:00",
            "end_time": "11:30", "repeat": "wekelijks", "until": "", "place_name": "", "address": "", **fields}
    return client.post(f"/beheer/voorzieningen/{service.id}/activiteiten", data=data)


def agenda(client, **args):
    return " ".join(Page(client.get("/agenda", query_string=args).text).text("main")[0].split())


def test_a_weekly_activity_shows_this_week_next_week_and_deze_week_in_the_words(login, client, buurthuis):
    login("beheerder")
    assert add(client, buurthuis, description="Koffie en een praatje").status_code == 302
    this_week = agenda(client, periode="deze-week")
    assert "donderdag 10 december, 10:00 – 11:30: Koffieochtend" in this_week
    assert "17 december" not in this_week and "Buurthuis De Schakel" in this_week
    assert "donderdag 17 december" in agenda(client, periode="volgende-week")
    typed = agenda(client, q="koffie deze week", periode="komend-jaar")
    assert "10 december" in typed and "17 december" not in typed
    assert "3 december" not in agenda(client, periode="komend-jaar")  # the past is not in the agenda
    assert verify(client.application).ok


@pytest.mark.parametrize("language, day", [("en", "Thursday 10 December, 10:00"), ("ar", "الخميس 10 ديسمبر")])
def test_dates_are_written_in_the_language_of_the_page(login, client, buurthuis, language, day):
    login("beheerder")
    add(client, buurthuis)
    client.get(f"/taal/{language}")
    assert day in agenda(client, periode="deze-week")


def test_words_and_place_narrow_the_agenda(login, client, buurthuis):
    elsewhere = make_service("Dorpshuis Vries", gemeente="Tynaarlo", point=VRIES, precision="adres")
    login("beheerder")
    add(client, buurthuis)
    add(client, buurthuis, title="Taalcafé", description="Nederlands oefenen")
    login("beheerder_elders")
    add(client, elsewhere, title="Koffie in Vries")
    words = agenda(client, q="taalcafe")
    assert "Taalcafé" in words and "Koffieochtend" not in words
    near = agenda(client, q="koffie", plaats="7941")
    assert "Koffieochtend" in near and "Koffie in Vries" not in near
    assert "We kennen de plaats" in agenda(client, plaats="Nergenshuizen")


def test_an_activity_elsewhere_is_placed_and_the_voorziening_page_lists_it_with_a_feed(login, client, buurthuis):
    login("beheerder")
    add(client, buurthuis, title="Week van de mantelzorg", repeat="", starts_on="2026-12-11",
        place_name="Bibliotheek", address="Zuideinde 1, Meppel")
    activity = db.session.scalar(select(Activity))
    assert activity.latitude is not None and activity.place_label == "Bibliotheek, Zuideinde 1, Meppel"
    page = Page(client.get(f"/voorzieningen/{buurthuis.slug}").text)
    text = " ".join(page.text("main")[0].split())
    assert "Agenda" in page.text("h2") and "vrijdag 11 december, 10:00 – 11:30: Week van de mantelzorg" in text
    assert page.link("Zet de activiteiten") == f"/voorzieningen/{buurthuis.slug}/agenda.ics"


def test_the_feeds_are_icalendar_with_the_rule_and_the_local_time_zone(login, client, buurthuis):
    login("beheerder")
    add(client, buurthuis, until="2027-03-31")
    add(client, buurthuis, title="Taalcafé", repeat="maandelijks", starts_on="2026-12-01")
    response = client.get(f"/voorzieningen/{buurthuis.slug}/agenda.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    calendar = Calendar.from_ical(response.data)
    events = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {"Koffieochtend", "Taalcafé"}
    coffee = events["Koffieochtend"]
    assert coffee.decoded("dtstart") == datetime(2026, 12, 3, 10, 0, tzinfo=hours.AMSTERDAM)
    assert str(coffee["dtstart"].params["TZID"]) == "Europe/Amsterdam"
    assert coffee["rrule"]["FREQ"] == ["WEEKLY"] and coffee["rrule"]["UNTIL"][0].date() == date(2027, 3, 31)
    assert events["Taalcafé"]["rrule"]["BYDAY"] == ["1TU"]
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    search = Calendar.from_ical(client.get("/agenda.ics", query_string={"q": "taalcafe"}).data)
    assert [str(event["summary"]) for event in search.walk("VEVENT")] == ["Taalcafé"]
    assert "dinsdag 5 januari" in agenda(client, q="taalcafe", periode="komend-jaar")  # first Tuesday


def test_an_archived_voorzieningen_activities_leave_the_agenda(login, client, buurthuis):
    login("beheerder")
    add(client, buurthuis)
    buurthuis.archived_at = utcnow()
    db.session.commit()
    assert "Koffieochtend" not in agenda(client)
    assert client.get(f"/voorzieningen/{buurthuis.slug}/agenda.ics").status_code == 404


@pytest.mark.parametrize("fields, message", [
    ({"end_time": "09:00"}, "De eindtijd moet na de begintijd liggen."),
    ({"until": "2026-11-01"}, "Deze datum ligt voor de eerste keer."),
    ({"address": "Nergensstraat 99, Nergenshuizen"}, "We kennen de plaats"),
    ({"starts_on": "morgen"}, "Vul een datum in."),
])
def test_wrong_input_is_refused_and_nothing_is_saved(login, client, buurthuis, fields, message):
    login("beheerder")
    response = add(client, buurthuis, **fields)
    assert response.status_code == 200 and message in response.text
    assert db.session.scalar(select(func.count()).select_from(Activity)) == 0


def test_only_the_gemeentes_beheerders_edit_and_delete_its_activities(login, client, buurthuis):
    login("beheerder")
    add(client, buurthuis)
    activity = db.session.scalar(select(Activity))
    edit_url = f"/beheer/voorzieningen/{buurthuis.id}/activiteiten/{activity.id}"
    login("beheerder_elders")
    assert client.get(edit_url).status_code == 403
    assert client.post(edit_url + "/verwijderen").status_code == 403
    login("coordinator")
    assert client.get(f"/beheer/voorzieningen/{buurthuis.id}/activiteiten").status_code == 403
    login("beheerder")
    form = Page(client.get(edit_url).text)
    assert form.find("select", name="repeat") and "Koffieochtend" in form.text("h1")
    changed = client.post(edit_url, data={"title": "Koffieochtend", "starts_on": "2026-12-03", "start_time": "10:00",
                                          "repeat": "om-de-week"})
    assert changed.status_code == 302 and db.session.get(Activity, activity.id).rrule == "FREQ=WEEKLY;INTERVAL=2"
    assert "donderdag 17 december" in agenda(client, periode="volgende-week")
    assert "24 december" not in agenda(client, periode="komende-maand")
    assert client.post(edit_url + "/verwijderen").status_code == 302
    assert "Koffieochtend" not in agenda(client) and verify(client.application).ok
