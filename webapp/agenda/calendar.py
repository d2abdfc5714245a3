"""Activities as an iCalendar feed (RFC 5545, the icalendar library): one VEVENT per activity, with its RRULE."""
from datetime import datetime
from urllib.parse import urlsplit

from flask import current_app
from icalendar import Calendar, Event, vRecur

from webapp.directory.hours import AMSTERDAM
from webapp.site import absolute_url


def feed(activities, name):
    """The .ics text of `activities`; `name` is the calendar's name in the resident's agenda app."""
    calendar = Calendar()
    calendar.add("prodid", "-//Buurtkaart//agenda//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    for activity in activities:
        calendar.add_component(_event(activity))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event(activity):
    event = Event()
    host = urlsplit(current_app.config["SITE_URL"]).hostname
    page = absolute_url("directory.show", slug=activity.service.slug)
    event.add("uid", f"{activity.id}@{host}")
    event.add("dtstamp", activity.updated_at)
    event.add("summary", activity.title)
    event.add("dtstart", _local(activity.starts_on, activity.start_time))
    if activity.end_time:
        event.add("dtend", _local(activity.starts_on, activity.end_time))
    if activity.rrule:
        event.add("rrule", vRecur.from_ical(activity.rrule))
    event.add("location", activity.place_label)
    event.add("description", "\n\n".join(filter(None, [activity.description, f"{activity.service.name}: {page}"])))
    event.add("url", page)
    if activity.point:
        event.add("geo", activity.point)
    return event


def _local(day, clock):
    return datetime.combine(day, clock).replace(tzinfo=AMSTERDAM)
