"""The dashboard's tables as text cells: the HTML page and the CSV export show exactly these strings."""
from dataclasses import dataclass, field

from flask_babel import format_date, format_decimal, format_percent, gettext as _

from webapp.posts.vocab import CATEGORIES, OFFER, REQUEST

EMPTY = "—"
TWO_DAYS = 2 * 86400


@dataclass
class Table:
    caption: str
    headers: list
    rows: list  # [[cell, ...]]; the first cell names the row
    footer: list = field(default_factory=list)  # [[cell, ...]]: the totals


def week_table(dashboard):
    rows = [[week_label(week), *measures(bucket)] for week, bucket in dashboard.weeks]
    return Table(_("Per week"), [_("Week"), *measure_headers()], rows,
                 [[_("Totaal"), *measures(dashboard.total)]])


def category_table(dashboard):
    """No totals row: an aanbod counts for each of its categories, so the rows do not add up."""
    rows = [[str(CATEGORIES[slug]), *measures(bucket)] for slug, bucket in dashboard.categories]
    return Table(_("Per categorie"), [_("Categorie"), *measure_headers()], rows)


def district_table(counts):
    """counts: {wijk name or None: {kind: number}}; None is what lies in none of the wijken."""
    named = sorted(name for name in counts if name is not None)
    rows = [[name, count(counts[name].get(REQUEST, 0)), count(counts[name].get(OFFER, 0))] for name in named]
    if None in counts:
        rows.append([_("Niet in een ingevoerde wijk"), count(counts[None].get(REQUEST, 0)),
                     count(counts[None].get(OFFER, 0))])
    return Table(_("Per wijk"), [_("Wijk"), _("Vragen"), _("Aanbod")], rows)


def measure_headers():
    return [_("Vragen"), _("Aanbod"), _("Reacties"), _("Unieke verbindingen"), _("Bevestigde matches"),
            _("Matchratio"), _("Mediaan tot eerste reactie"), _("Mediaan tot match")]


def measures(bucket):
    return [count(bucket.vragen), count(bucket.aanbod), count(bucket.reacties), count(bucket.connections),
            count(bucket.matches), rate(bucket.match_rate), duration(bucket.median_reaction),
            duration(bucket.median_match)]


def week_label(week):
    return _("Week %(number)d (%(monday)s)", number=week.number, monday=format_date(week.monday, "d MMM y"))


def count(number):
    return format_decimal(number, "#,##0")


def rate(value):
    return EMPTY if value is None else format_percent(value, "#,##0.0%")


def duration(seconds):
    """Days with one decimal ('3,5 dagen'); under two days the hours as well ('1,3 dagen (31 uur)')."""
    if seconds is None:
        return EMPTY
    days = format_decimal(seconds / 86400, "#,##0.0")
    if seconds >= TWO_DAYS:
        return _("%(days)s dagen", days=days)
    return _("%(days)s dagen (%(hours)s uur)", days=days, hours=format_decimal(seconds / 3600, "#,##0"))
