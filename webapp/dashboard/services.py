"""What the dashboard page shows, put together from the queries, the numbers and the tables."""
from collections import Counter, defaultdict
from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext as _, lazy_gettext as _l

from webapp.dashboard import charts, queries, stats, tables
from webapp.directory import missed, synonyms
from webapp.geo import districts
from webapp.posts.vocab import CATEGORIES

SERIES = (("vragen", _l("Vragen")), ("connections", _l("Unieke verbindingen")),
          ("matches", _l("Bevestigde matches")))


@dataclass
class DashboardPage:
    gemeente: str
    period: object
    week_table: tables.Table
    category_table: tables.Table
    week_chart: str
    category_chart: str
    flagged: list  # [(HelpRequest, link or None)]
    missed: list  # [MissedSearch]
    groups: list  # [SynonymGroup]: a beheerder adds a missed search to one of them
    district_table: tables.Table | None = None  # None: the gemeente has entered no wijken


def build_dashboard(gemeente, period):
    """The numbers of `gemeente` over `period` (no date SQL: see queries.py)."""
    start, until = period.bounds()
    return stats.compute(period, queries.sent_posts(gemeente, start, until),
                         queries.connections(gemeente, start, until), queries.confirmations(gemeente, start, until),
                         queries.waits(gemeente, start, until))


def dashboard_page(gemeente, period, now):
    dashboard = build_dashboard(gemeente, period)
    series = [(key, str(label)) for key, label in SERIES]
    weeks = [(str(week.number), tables.week_label(week), vars(bucket)) for week, bucket in dashboard.weeks]
    categories = [(str(CATEGORIES[slug]), str(CATEGORIES[slug]), vars(bucket)) for slug, bucket in dashboard.categories]
    return DashboardPage(
        gemeente=gemeente, period=period,
        week_table=tables.week_table(dashboard), category_table=tables.category_table(dashboard),
        week_chart=charts.grouped_bars(_("Vragen, verbindingen en matches per week"), weeks, series),
        category_chart=charts.grouped_bars(_("Vragen, verbindingen en matches per categorie"), categories, series),
        flagged=[(post, request_link(post.id)) for post in queries.unanswered_requests(gemeente, now)],
        missed=missed.top_missed(),
        groups=synonyms.all_groups(),
        district_table=district_table(gemeente, period),
    )


def district_table(gemeente, period):
    """Vragen and aanbod per wijk (the wijk of the nearest of its postcodes); None without wijken."""
    if not districts.districts_of([gemeente]):
        return None
    start, until = period.bounds()
    posts = queries.sent_post_points(gemeente, start, until)
    counts = defaultdict(Counter)
    for (kind, _point), name in zip(posts, districts.district_names_for(gemeente, [point for _kind, point in posts])):
        counts[name][kind] += 1
    return tables.district_table(counts)


def request_link(post_id):
    """Where a coördinator acts on a vraag: its suggestions page."""
    return url_for("suggestions.for_request", post_id=post_id)

