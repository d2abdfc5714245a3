"""Opening hours: weekly slots, dated exceptions and Dutch public holidays, in Europe/Amsterdam wall-clock time.

Comparing local wall-clock times makes daylight saving time come out right: a slot 09:00-17:00 means
09:00-17:00 on the clock in Meppel, in summer and in winter.

What counts on a day, strongest first: a "tijdelijk gesloten" period (closed), a dated exception (closed, or other
hours), then a public holiday (closed, unless the voorziening says it is open on holidays), then the weekly slots.
Public holidays come from the `holidays` package (NL); Bevrijdingsdag is a day off there only in lustrum years
(2025, 2030), and a gemeente may count it every year (`DayRules.liberation_day_every_year`).
"""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
LIBERATION_DAY = "Bevrijdingsdag"


def utc_now():
    """The clock of the opening hours; tests freeze it (monkeypatch this function)."""
    return datetime.now(timezone.utc)


def local_now(now=None):
    return (now or utc_now()).astimezone(AMSTERDAM)


@lru_cache(maxsize=32)
def _national(year):
    return holidays.country_holidays("NL", years=year, language="nl")


@dataclass(frozen=True)
class DayRules:
    """Which days close a voorziening besides its own exceptions."""

    liberation_day_every_year: bool = False  # the gemeente's choice (gemeente_contacts)
    open_on_holidays: bool = False  # the voorziening's own: open as on any other day
    closed_until: date | None = None  # "tijdelijk gesloten" up to and including this day

    def holiday(self, day):
        """The name of the public holiday on `day` ("Eerste kerstdag"), or None."""
        name = _national(day.year).get(day)
        if name is None and self.liberation_day_every_year and (day.month, day.day) == (5, 5):
            return LIBERATION_DAY
        return name


NATIONAL_RULES = DayRules()


@dataclass
class Day:
    """One day of the week view: its slots and why they differ from the weekly ones (holiday, exception)."""

    day: date
    slots: list  # [(opens, closes)]
    holiday: str | None = None  # the public holiday that closes it
    exception: object = None  # the dated exception that counts that day
    temporarily_closed: bool = False


def day_hours(day, schedules, exceptions_by_day, rules=NATIONAL_RULES):
    if rules.closed_until is not None and day <= rules.closed_until:
        return Day(day, [], temporarily_closed=True)
    exception = exceptions_by_day.get(day)
    if exception is not None:
        if exception.closed or exception.opens is None or exception.closes is None:
            return Day(day, [], exception=exception)
        return Day(day, [(exception.opens, exception.closes)], exception=exception)
    holiday = rules.holiday(day)
    if holiday is not None and not rules.open_on_holidays:
        return Day(day, [], holiday=holiday)
    return Day(day, [(slot.opens, slot.closes) for slot in schedules if slot.weekday == day.weekday()],
               holiday=holiday)


def is_open(schedules, exceptions, now=None, rules=NATIONAL_RULES):
    """True or False; None when nobody knows the hours (no slots and no exceptions) and it is not closed."""
    moment = local_now(now)
    if rules.closed_until is not None and moment.date() <= rules.closed_until:
        return False
    if not schedules and not exceptions:
        return None
    return _current_slot(schedules, exceptions, moment, rules) is not None


def _current_slot(schedules, exceptions, moment, rules):
    today, clock = moment.date(), moment.time().replace(tzinfo=None)
    by_day = {exception.day: exception for exception in exceptions}
    for opens, closes in day_hours(today, schedules, by_day, rules).slots:
        if opens <= clock < closes or (closes <= opens and clock >= opens):
            return opens, closes
    for opens, closes in day_hours(today - timedelta(days=1), schedules, by_day, rules).slots:
        if closes <= opens and clock < closes:  # yesterday's slot running past midnight
            return opens, closes
    return None


def next_change(schedules, exceptions, now=None, rules=NATIONAL_RULES):
    """("sluit", 17:00) while open, ("opent", 13:00) when it opens later today; None otherwise.

    Open until midnight (closes 00:00) says no closing time: often the next day goes on at 00:00 (a service
    open day and night), and "sluit om 00:00" would then be wrong."""
    moment = local_now(now)
    current = _current_slot(schedules, exceptions, moment, rules)
    if current is not None:
        return ("sluit", current[1]) if current[1] != time(0) else None
    clock = moment.time().replace(tzinfo=None)
    by_day = {exception.day: exception for exception in exceptions}
    later = sorted(opens for opens, _closes in day_hours(moment.date(), schedules, by_day, rules).slots
                   if opens > clock)
    return ("opent", later[0]) if later else None


def week(schedules, exceptions, now=None, rules=NATIONAL_RULES, days=7):
    """The coming days from today, each with its own hours: the week view of a voorziening."""
    today = local_now(now).date()
    by_day = {exception.day: exception for exception in exceptions}
    return [day_hours(today + timedelta(days=offset), schedules, by_day, rules) for offset in range(days)]
