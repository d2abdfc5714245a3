"""Nu open / nu gesloten in Europe/Amsterdam: weekly slots, slots past midnight, exceptions, DST."""
from datetime import date, datetime, time, timezone
from types import SimpleNamespace as Row

from webapp.directory.hours import AMSTERDAM, is_open


def slot(weekday, opens, closes):
    return Row(weekday=weekday, opens=time(*opens), closes=time(*closes))


def at(year, month, day, hour, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM).astimezone(timezone.utc)


MONDAY_MORNING = [slot(0, (9,), (12,))]


def test_unknown_hours_are_neither_open_nor_closed():
    assert is_open([], [], at(2026, 11, 23, 10)) is None


def test_inside_and_outside_a_slot():
    assert is_open(MONDAY_MORNING, [], at(2026, 11, 23, 9)) is True       # Monday 09:00
    assert is_open(MONDAY_MORNING, [], at(2026, 11, 23, 12)) is False     # closes at 12:00
    assert is_open(MONDAY_MORNING, [], at(2026, 11, 24, 10)) is False     # Tuesday


def test_a_slot_past_midnight_counts_on_both_days():
    night = [slot(4, (22,), (2,))]  # Friday 22:00 - Saturday 02:00
    assert is_open(night, [], at(2026, 11, 27, 23)) is True
    assert is_open(night, [], at(2026, 11, 28, 1, 30)) is True
    assert is_open(night, [], at(2026, 11, 28, 2, 30)) is False


def test_a_dated_exception_closes_or_changes_the_day():
    closed = [Row(day=date(2026, 12, 28), closed=True, opens=None, closes=None)]
    other = [Row(day=date(2026, 12, 28), closed=False, opens=time(13), closes=time(15))]
    assert is_open(MONDAY_MORNING, closed, at(2026, 12, 28, 10)) is False
    assert is_open(MONDAY_MORNING, other, at(2026, 12, 28, 10)) is False
    assert is_open(MONDAY_MORNING, other, at(2026, 12, 28, 14)) is True


def test_wall_clock_hours_hold_in_summer_and_winter_time():
    # 09:30 on the clock in Meppel is 07:30 UTC in summer and 08:30 UTC in winter.
    summer = datetime(2026, 6, 1, 7, 30, tzinfo=timezone.utc)   # Monday
    winter = datetime(2026, 11, 23, 8, 30, tzinfo=timezone.utc)  # Monday
    assert is_open(MONDAY_MORNING, [], summer) is True
    assert is_open(MONDAY_MORNING, [], winter) is True
    assert is_open(MONDAY_MORNING, [], datetime(2026, 6, 1, 6, 30, tzinfo=timezone.utc)) is False


def test_the_night_the_clocks_go_back():
    sunday_night = [slot(6, (1,), (4,))]  # Sunday 01:00-04:00; on 2026-10-25 02:00-03:00 happens twice
    assert is_open(sunday_night, [], datetime(2026, 10, 25, 0, 30, tzinfo=timezone.utc)) is True   # 02:30 CEST
    assert is_open(sunday_night, [], datetime(2026, 10, 25, 1, 30, tzinfo=timezone.utc)) is True   # 02:30 CET
    assert is_open(sunday_night, [], datetime(2026, 10, 25, 3, 30, tzinfo=timezone.utc)) is False  # 04:30 CET
