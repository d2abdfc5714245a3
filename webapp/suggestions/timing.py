"""When a vraag and an aanbod fit: the vraag's weekday(s) against the volunteer's slots ("za-middag")."""
from datetime import timedelta

from babel.lists import format_list
from flask_babel import get_locale, gettext as _

from webapp.posts.vocab import WEEKDAYS, WHEN_DATE, WHEN_PERIOD

DAY_KEYS = tuple(WEEKDAYS)  # "ma" .. "zo", in the order of date.weekday()
MAX_PERIOD_DAYS = 7  # a longer period holds every weekday anyway


def wanted_days(vraag):
    """The weekdays a vraag needs help on, or None when any day will do (flexible, recurring, no date)."""
    start = vraag.date_from
    if start is None or vraag.when_kind not in (WHEN_DATE, WHEN_PERIOD):
        return None
    if vraag.when_kind == WHEN_DATE or vraag.date_until is None:
        return {DAY_KEYS[start.weekday()]}
    span = max(1, min((vraag.date_until - start).days + 1, MAX_PERIOD_DAYS))
    return {DAY_KEYS[(start + timedelta(days=offset)).weekday()] for offset in range(span)}


def overlapping_days(vraag, aanbod):
    """The weekdays (in week order) the volunteer can and the vraag needs; every offered day for a flexible vraag."""
    offered = {slot.split("-", 1)[0] for slot in aanbod.slots}
    wanted = wanted_days(vraag)
    return [day for day in DAY_KEYS if day in offered and (wanted is None or day in wanted)]


def days_reason(days):
    """'kan op zaterdag', 'kan op maandag en zaterdag'."""
    names = [str(WEEKDAYS[day]) for day in days]
    return _("kan op %(days)s", days=format_list(names, locale=get_locale() or "nl"))
