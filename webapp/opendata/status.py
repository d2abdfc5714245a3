"""A voorziening's status in HSDS: inactive (archived), temporarily closed, or active; the closure's end and a short
notice as the service's `alert` text, in a form the import reads back."""
import re
from datetime import date

from webapp.directory.hours import local_now

CLOSED = re.compile(r"^Tijdelijk gesloten tot en met (\d{4}-\d{2}-\d{2})(?:: (.+))?$")
NOTICE = re.compile(r"^Let op \(tot en met (\d{4}-\d{2}-\d{2})\): (.+)$")


def today():
    return local_now().date()


def status(service, day=None):
    day = day or today()
    if service.archived_at is not None:
        return "inactive"
    return "temporarily closed" if service.closed_on(day) else "active"


def alert(service, day=None):
    """"Tijdelijk gesloten tot en met 2027-01-31: verbouwing" and "Let op (tot en met ...): ..." while they last."""
    day = day or today()
    lines = []
    if service.closed_on(day):
        lines.append(f"Tijdelijk gesloten tot en met {service.closed_until.isoformat()}"
                     + (f": {service.closed_note}" if service.closed_note else ""))
    if service.notice_on(day):
        lines.append(f"Let op (tot en met {service.notice_until.isoformat()}): {service.notice}")
    return "\n".join(lines) or None


def read_alert(text):
    """{closed_until, closed_note, notice, notice_until} from an alert written by alert(); other text is no
    closure and no notice."""
    found = {"closed_until": None, "closed_note": None, "notice": None, "notice_until": None}
    for line in (text or "").splitlines():
        if match := CLOSED.match(line.strip()):
            found["closed_until"], found["closed_note"] = _date(match[1]), match[2]
        elif match := NOTICE.match(line.strip()):
            found["notice_until"], found["notice"] = _date(match[1]), match[2]
    return found


def _date(text):
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
