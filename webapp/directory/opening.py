"""Open now, for one voorziening or many: the one place that gathers hours, exceptions and holiday rules.

"Nu open" on a result, its filter and facet, the detail page and its week view all come through here, so they
agree with each other on every holiday.
"""
from sqlalchemy import select

from webapp.directory import hours
from webapp.directory.gemeente_contacts import GemeenteContact
from webapp.directory.models import Schedule, ScheduleException, Service
from webapp.extensions import db

BATCH = 500  # ids per IN (...) query; SQLite allows at most 32,766 variables


def open_now_by_id(service_ids, at=None):
    """{service id: True, False or None (hours unknown)} at `at` (default: the hours' clock, now)."""
    ids = list(dict.fromkeys(service_ids))
    schedules, exceptions, rules = _gather(ids)
    return {service_id: hours.is_open(schedules.get(service_id, []), exceptions.get(service_id, []), at,
                                      rules.get(service_id, hours.NATIONAL_RULES))
            for service_id in ids}


def open_now_of(service, at, liberation_day_every_year):
    """Open now for a voorziening whose schedules and exceptions are loaded, its gemeente's Bevrijdingsdag choice
    known (`liberation_day_every_year`: the gemeenten of liberation_day_gemeenten)."""
    rules = hours.DayRules(service.gemeente in liberation_day_every_year, bool(service.open_on_holidays),
                           service.closed_until)
    return hours.is_open(service.schedules, service.schedule_exceptions, at, rules)


def rules_for(service):
    """The holiday rules of one voorziening: its own choice and its gemeente's Bevrijdingsdag."""
    every_year = db.session.scalar(select(GemeenteContact.liberation_day_every_year)
                                   .where(GemeenteContact.gemeente == service.gemeente))
    return hours.DayRules(liberation_day_every_year=bool(every_year),
                          open_on_holidays=bool(service.open_on_holidays), closed_until=service.closed_until)


def status(service, at=None):
    """What the detail page says about the hours now: open or not, the next change today, the coming week, and
    a "tijdelijk gesloten" period or a notice while they last."""
    rules = rules_for(service)
    slots, exceptions = service.schedules, service.schedule_exceptions
    today = hours.local_now(at).date()
    return {
        "closed_until": service.closed_until if service.closed_on(today) else None,
        "notice": service.notice_on(today),
        "open_now": hours.is_open(slots, exceptions, at, rules),
        "next_change": hours.next_change(slots, exceptions, at, rules) if slots or exceptions else None,
        "week": hours.week(slots, exceptions, at, rules) if slots or exceptions else [],
    }


def liberation_day_gemeenten():
    """The gemeenten that close on Bevrijdingsdag every year (not only every fifth)."""
    return {gemeente for gemeente in db.session.scalars(
        select(GemeenteContact.gemeente).where(GemeenteContact.liberation_day_every_year.is_(True)))}


def _gather(ids):
    schedules, exceptions, rules = {}, {}, {}
    every_year = liberation_day_gemeenten()
    for start in range(0, len(ids), BATCH):
        batch = ids[start:start + BATCH]
        for slot in db.session.scalars(select(Schedule).where(Schedule.service_id.in_(batch))):
            schedules.setdefault(slot.service_id, []).append(slot)
        for day in db.session.scalars(select(ScheduleException).where(ScheduleException.service_id.in_(batch))):
            exceptions.setdefault(day.service_id, []).append(day)
        for service_id, gemeente, open_on_holidays, closed_until in db.session.execute(
                select(Service.id, Service.gemeente, Service.open_on_holidays, Service.closed_until)
                .where(Service.id.in_(batch))):
            rules[service_id] = hours.DayRules(gemeente in every_year, bool(open_on_holidays), closed_until)
    return schedules, exceptions, rules
