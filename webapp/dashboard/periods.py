"""The period a dashboard covers: whole local days, cut into ISO weeks (Monday to Sunday, Dutch time).

Timestamps are stored in UTC (SQLite even drops the zone); a moment belongs to the ISO week of its local date,
so a vraag sent on Sunday 23:30 in Meppel counts in that Sunday's week.
"""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Europe/Amsterdam")
DEFAULT_WEEKS = 12


@dataclass(frozen=True)
class Week:
    year: int
    number: int
    monday: date

    @property
    def key(self):
        return (self.year, self.number)


@dataclass(frozen=True)
class Period:
    start: date  # first day, included
    end: date  # last day, included

    @classmethod
    def last_weeks(cls, now, weeks=DEFAULT_WEEKS):
        """The current ISO week and the `weeks - 1` before it, up to today (Dutch time)."""
        return cls.weeks_until(local_date(now), weeks)

    @classmethod
    def weeks_until(cls, end, weeks=DEFAULT_WEEKS):
        """From the Monday `weeks - 1` weeks before `end`'s week, up to and including `end`."""
        monday = end - timedelta(days=end.weekday())
        return cls(monday - timedelta(weeks=weeks - 1), end)

    def bounds(self):
        """(from, until) in UTC: `from` <= moment < `until` is inside the period."""
        return _utc_midnight(self.start), _utc_midnight(self.end + timedelta(days=1))

    def weeks(self):
        monday = self.start - timedelta(days=self.start.weekday())
        result = []
        while monday <= self.end:
            year, number, _day = monday.isocalendar()
            result.append(Week(year, number, monday))
            monday += timedelta(weeks=1)
        return result


def as_utc(moment):
    """SQLite gives naive datetimes back; they were stored as UTC."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def local_date(moment):
    return as_utc(moment).astimezone(LOCAL).date()


def week_key(moment):
    year, number, _day = local_date(moment).isocalendar()
    return (year, number)


def _utc_midnight(day):
    return datetime.combine(day, time(), tzinfo=LOCAL).astimezone(timezone.utc)
