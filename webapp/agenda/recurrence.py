"""When an activity happens: its first date and an iCalendar RRULE (python-dateutil reads it), in local time."""
from datetime import datetime, time, timedelta

from dateutil.rrule import rrulestr
from flask_babel import lazy_gettext as _l

from webapp.directory.hours import local_now

ONCE, WEEKLY, FORTNIGHTLY, MONTHLY = "", "wekelijks", "om-de-week", "maandelijks"
REPEATS = {ONCE: _l("Eén keer"), WEEKLY: _l("Elke week"), FORTNIGHTLY: _l("Om de week"),
           MONTHLY: _l("Elke maand op dezelfde weekdag (bijvoorbeeld elke eerste dinsdag)")}
RULES = {WEEKLY: "FREQ=WEEKLY", FORTNIGHTLY: "FREQ=WEEKLY;INTERVAL=2"}
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MAX_SHOWN = 200  # occurrences per activity in one window

# What a resident can ask for: (label, from today, days on) computed in `window`.
PERIODS = {"deze-week": _l("Deze week"), "volgende-week": _l("Volgende week"),
           "komende-maand": _l("De komende 30 dagen"), "komend-jaar": _l("Het komende jaar")}
DEFAULT_PERIOD = "komende-maand"


def rule_for(repeat, starts_on, until=None):
    """The RRULE text for a choice of REPEATS from `starts_on`; None for a one-off."""
    if repeat == ONCE:
        return None
    if repeat == MONTHLY:
        nth = (starts_on.day - 1) // 7 + 1
        rule = f"FREQ=MONTHLY;BYDAY={-1 if nth == 5 else nth}{DAYS[starts_on.weekday()]}"
    else:
        rule = RULES[repeat]
    return rule + (f";UNTIL={until:%Y%m%d}T235959" if until else "")


def repeat_of(rule):
    """(choice of REPEATS, until date or None) read back from a stored RRULE."""
    if not rule:
        return ONCE, None
    parts = dict(part.split("=", 1) for part in rule.split(";"))
    until = datetime.strptime(parts["UNTIL"][:8], "%Y%m%d").date() if "UNTIL" in parts else None
    if parts.get("FREQ") == "MONTHLY":
        return MONTHLY, until
    return (FORTNIGHTLY if parts.get("INTERVAL") == "2" else WEEKLY), until


def occurrences(activity, start, end):
    """The start moments (naive local datetimes) of the activity in [start, end), at most MAX_SHOWN."""
    first = datetime.combine(activity.starts_on, activity.start_time)
    if not activity.rrule:
        return [first] if start <= first < end else []
    rule = rrulestr(activity.rrule, dtstart=first)
    found = []
    for moment in rule.xafter(start, count=MAX_SHOWN, inc=True):
        if moment >= end:
            break
        found.append(moment)
    return found


def window(period, today=None):
    """(start, end) naive local datetimes of a PERIODS key; today counts from its start (this morning's too)."""
    today = today or local_now().date()
    monday = today - timedelta(days=today.weekday())
    spans = {"deze-week": (today, monday + timedelta(days=7)),
             "volgende-week": (monday + timedelta(days=7), monday + timedelta(days=14)),
             "komende-maand": (today, today + timedelta(days=30)),
             "komend-jaar": (today, today + timedelta(days=366))}
    first, last = spans.get(period, spans[DEFAULT_PERIOD])
    return datetime.combine(first, time()), datetime.combine(last, time())


def is_over(activity, today=None):
    """True when no occurrence is left from today on (a past one-off, a series past its UNTIL)."""
    start, _end = window("komend-jaar", today)
    return not occurrences(activity, start, datetime(9000, 1, 1))
