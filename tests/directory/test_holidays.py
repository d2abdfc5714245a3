"""Opening hours that know Dutch public holidays, Bevrijdingsdag per gemeente, dated exceptions and midnight.

Every test stops the hours' clock (frozen_clock) and asks through the site: the result list, the "nu open" filter
and its count, the detail page with its week view.
"""
from datetime import date, time

import pytest

from tests.directory.test_routes import facet_counts, get, result_item
from tests.factories import make_service
from webapp.directory import hours
from webapp.directory.gemeente_contacts import GemeenteContact
from webapp.directory.models import Schedule, ScheduleException
from webapp.extensions import db


def every_day(opens=time(9), closes=time(17)):
    return [Schedule(weekday=day, opens=opens, closes=closes) for day in range(7)]


@pytest.fixture
def daily(app):
    """A voorziening open every day 09:00-17:00, and one open every day and on holidays too."""
    plain = make_service("Inloop De Schakel", commit=False)
    plain.schedules = every_day()
    always = make_service("Telefoonlijn Altijd", commit=False, open_on_holidays=True)
    always.schedules = every_day()
    db.session.commit()
    return plain, always


def open_names(client):
    return sorted(get(client, "/zoeken?nu_open=y").names)


@pytest.mark.parametrize("moment, holiday", [
    ((2026, 12, 25, 10), "Eerste kerstdag"), ((2026, 12, 26, 10), "Tweede kerstdag"),
    ((2027, 1, 1, 10), "Nieuwjaarsdag"), ((2026, 4, 27, 10), "Koningsdag"), ((2027, 4, 27, 10), "Koningsdag"),
    ((2025, 5, 5, 10), "Bevrijdingsdag"),  # a lustrum year: a day off for everyone
])
def test_a_public_holiday_closes_unless_the_voorziening_is_open_on_holidays(daily, client, frozen_clock,
                                                                            moment, holiday):
    plain, always = daily
    frozen_clock(*moment)
    page = get(client, "/zoeken")
    assert "Nu gesloten" in result_item(page, plain.name)
    assert "Nu open" in result_item(page, always.name)
    assert open_names(client) == [always.name]
    assert facet_counts(page, "nu_open") == {"y": 1}
    detail = get(client, f"/voorzieningen/{plain.slug}").text("main")[0]
    assert "Nu gesloten" in detail and f"vandaag is het {holiday}" in detail


def test_an_ordinary_day_is_open_for_both(daily, client, frozen_clock):
    frozen_clock(2026, 12, 24, 10)  # Kerstavond is no public holiday
    assert open_names(client) == ["Inloop De Schakel", "Telefoonlijn Altijd"]
    assert "Nu open, sluit om 17:00" in get(client, f"/voorzieningen/{daily[0].slug}").text("main")[0]


def test_bevrijdingsdag_outside_a_lustrum_year_follows_the_gemeente(daily, client, frozen_clock):
    frozen_clock(2026, 5, 5, 10)
    assert open_names(client) == ["Inloop De Schakel", "Telefoonlijn Altijd"]
    db.session.add(GemeenteContact(gemeente="Meppel", name="Gemeente Meppel", liberation_day_every_year=True))
    db.session.commit()
    assert open_names(client) == ["Telefoonlijn Altijd"]
    assert "vandaag is het Bevrijdingsdag" in get(client, f"/voorzieningen/{daily[0].slug}").text("main")[0]
    other = make_service("Buurthuis Eelde", gemeente="Tynaarlo", commit=False)  # another gemeente: national rule
    other.schedules = every_day()
    db.session.commit()
    assert open_names(client) == ["Buurthuis Eelde", "Telefoonlijn Altijd"]


def test_a_dated_exception_counts_before_the_holiday(daily, client, frozen_clock):
    plain, _always = daily
    plain.schedule_exceptions = [ScheduleException(day=date(2026, 12, 25), closed=False, opens=time(13),
                                                   closes=time(15), note="Kerstinloop")]
    db.session.commit()
    frozen_clock(2026, 12, 25, 10)
    assert "Nu gesloten, opent om 13:00" in get(client, f"/voorzieningen/{plain.slug}").text("main")[0]
    frozen_clock(2026, 12, 25, 14)
    assert open_names(client) == ["Inloop De Schakel", "Telefoonlijn Altijd"]
    assert "Nu open, sluit om 15:00" in get(client, f"/voorzieningen/{plain.slug}").text("main")[0]


def test_an_exception_closes_an_ordinary_day(daily, client, frozen_clock):
    plain, _always = daily
    plain.schedule_exceptions = [ScheduleException(day=date(2026, 12, 28), closed=True, note="Kerstvakantie")]
    db.session.commit()
    frozen_clock(2026, 12, 28, 10)
    assert open_names(client) == ["Telefoonlijn Altijd"]


def test_the_week_view_names_the_holidays(daily, client, frozen_clock):
    frozen_clock(2026, 12, 23, 8)
    cells = get(client, f"/voorzieningen/{daily[0].slug}").text("td")
    assert "09:00 – 17:00" in cells
    assert "gesloten (Eerste kerstdag)" in cells and "gesloten (Tweede kerstdag)" in cells
    detail = get(client, f"/voorzieningen/{daily[0].slug}").text("main")[0]
    assert "Nu gesloten, opent om 09:00" in detail


def test_the_hour_around_midnight_belongs_to_the_day_the_slot_started(app, client, frozen_clock):
    night = make_service("Nachtopvang", commit=False)
    night.schedules = every_day(time(22), time(2))
    db.session.commit()
    frozen_clock(2026, 12, 25, 1)  # Kerstavond's night: 24 December is an ordinary day
    assert open_names(client) == ["Nachtopvang"]
    frozen_clock(2026, 12, 25, 23)  # Kerst's own night: closed
    assert open_names(client) == []
    frozen_clock(2026, 12, 26, 1)  # still the night that began on Eerste kerstdag
    assert open_names(client) == []
    frozen_clock(2026, 12, 27, 1, 30)  # the night that began on Tweede kerstdag
    assert open_names(client) == []
    frozen_clock(2026, 12, 27, 23)
    assert open_names(client) == ["Nachtopvang"]


def test_holiday_rules_without_the_site():
    rules = hours.DayRules()
    assert rules.holiday(date(2026, 4, 27)) == "Koningsdag"
    assert rules.holiday(date(2030, 5, 5)) == "Bevrijdingsdag"
    assert rules.holiday(date(2026, 5, 5)) is None
    assert hours.DayRules(liberation_day_every_year=True).holiday(date(2026, 5, 5)) == "Bevrijdingsdag"
    assert rules.holiday(date(2026, 12, 24)) is None
