"""Periods and ISO weeks in Dutch time, without a database."""
from datetime import date, datetime, timezone

from webapp.dashboard.periods import Period, week_key


def test_weeks_across_new_year_follow_iso():
    weeks = Period(date(2024, 12, 25), date(2025, 1, 8)).weeks()
    assert [(week.year, week.number, week.monday) for week in weeks] == [
        (2024, 52, date(2024, 12, 23)), (2025, 1, date(2024, 12, 30)), (2025, 2, date(2025, 1, 6))]


def test_bounds_are_local_midnights_in_utc():
    winter, summer = Period(date(2024, 3, 4), date(2024, 3, 31)).bounds()
    assert winter == datetime(2024, 3, 3, 23, tzinfo=timezone.utc)  # CET
    assert summer == datetime(2024, 3, 31, 22, tzinfo=timezone.utc)  # CEST from 31 March


def test_a_moment_counts_in_its_dutch_week():
    assert week_key(datetime(2024, 3, 10, 22, 59, tzinfo=timezone.utc)) == (2024, 10)  # Sunday 23:59 in Meppel
    assert week_key(datetime(2024, 3, 10, 23, 0)) == (2024, 11)  # naive = UTC (SQLite): Monday 00:00


def test_the_default_is_twelve_weeks_up_to_today():
    period = Period.last_weeks(datetime(2024, 3, 20, 12, tzinfo=timezone.utc))
    # Monday of week 1 to Wednesday of week 12.
    assert (period.start, period.end) == (date(2024, 1, 1), date(2024, 3, 20))
    assert len(period.weeks()) == 12
