"""A voorziening's opening hours packed into its search document, so "nu open" is known for every hit without
reading the hours of all of them from the database (5 % of a search at 100,000; ../shared/notes).

Packed: weekly slots "0@0900-1700 1@0900-1700", dated exceptions "2026-12-25@- 2026-12-31@0900-1200"
("-": closed all day), "h" when the voorziening stays open on public holidays and the last day of a
"tijdelijk gesloten" period, separated by "|". The holiday
rules are hours.py's (opening.py); the gemeente's Bevrijdingsdag choice is asked per search, not stored. The page
shown still reads its hours from the database.
"""
from datetime import date, time
from types import SimpleNamespace

from webapp.directory.hours import DayRules, is_open, local_now

CLOSED = "-"


def pack(schedules, exceptions, open_on_holidays=False, closed_until=None):
    weekly = " ".join(f"{slot.weekday}@{_clock(slot.opens)}-{_clock(slot.closes)}" for slot in schedules)
    dated = " ".join(f"{day.day.isoformat()}@{_span(day)}" for day in exceptions)
    closed = closed_until.isoformat() if closed_until else ""
    return f"{weekly}|{dated}|{'h' if open_on_holidays else ''}|{closed}" if weekly or dated or closed else ""


def open_now(packed, now=None, liberation_day_every_year=False):
    """As hours.is_open with the voorziening's rules: True, False, or None when nobody knows the hours."""
    if not packed:
        return None
    schedules, exceptions, open_on_holidays, closed_until = _unpack(packed)
    return is_open(schedules, exceptions, now, DayRules(liberation_day_every_year, open_on_holidays, closed_until))


def _unpack(packed):
    weekly, dated, holidays, closed_until = packed.split("|")
    schedules = [SimpleNamespace(weekday=int(day), opens=_time(span[:4]), closes=_time(span[5:]))
                 for day, span in (item.split("@") for item in weekly.split())]
    exceptions = []
    for item in dated.split():
        day, span = item.split("@")
        closed = span == CLOSED
        exceptions.append(SimpleNamespace(day=date.fromisoformat(day), closed=closed,
                                          opens=None if closed else _time(span[:4]),
                                          closes=None if closed else _time(span[5:])))
    return schedules, exceptions, holidays == "h", date.fromisoformat(closed_until) if closed_until else None


def _span(exception):
    if exception.closed or exception.opens is None or exception.closes is None:
        return CLOSED
    return f"{_clock(exception.opens)}-{_clock(exception.closes)}"


def _clock(value):
    return value.strftime("%H%M")


def _time(text):
    return time(int(text[:2]), int(text[2:]))
