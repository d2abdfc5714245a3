"""Opening hours: weekly slots plus dated exceptions, read in Europe/Amsterdam wall-clock time.

Comparing local wall-clock times makes daylight saving time come out right: a slot 09:00-17:00 means
09:00-17:00 on the clock in Meppel, in summer and in winter.
"""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def local_now(now=None):
    return (now or datetime.now(timezone.utc)).astimezone(AMSTERDAM)


def is_open(schedules, exceptions, now=None):
    """True or False; None when nobody knows the hours (no slots and no exceptions)."""
    if not schedules and not exceptions:
        return None
    moment = local_now(now)
    today, clock = moment.date(), moment.time().replace(tzinfo=None)
    by_day = {exception.day: exception for exception in exceptions}
    yesterday = today - timedelta(days=1)
    for opens, closes in _slots_for(today, schedules, by_day):
        if opens <= clock < closes or (closes <= opens and clock >= opens):
            return True
    for opens, closes in _slots_for(yesterday, schedules, by_day):
        if closes <= opens and clock < closes:  # yesterday's slot running past midnight
            return True
    return False


def _slots_for(day, schedules, exceptions_by_day):
    exception = exceptions_by_day.get(day)
    if exception is not None:
        if exception.closed or exception.opens is None or exception.closes is None:
            return []
        return [(exception.opens, exception.closes)]
    return [(slot.opens, slot.closes) for slot in schedules if slot.weekday == day.weekday()]
