"""The dashboard on a fixed history (conftest.timeline): exact counts, match rates and medians, HTML = CSV."""
from datetime import date, timedelta

from tests.dashboard.conftest import PERIOD, at
from tests.dashboard.helpers import as_dicts, csv_rows, html_tables
from webapp.dashboard import queries, services
from webapp.dashboard.periods import Period, local_date
from webapp.models_base import utcnow

HEADERS = ["Vragen", "Aanbod", "Reacties", "Unieke verbindingen", "Bevestigde matches", "Matchratio",
           "Mediaan tot eerste reactie", "Mediaan tot match"]
NOTHING = ["0", "0", "0", "0", "0", "—", "—", "—"]
# Week 10: reactions after 1 day (v1) and 8 hours (v2): median 16 hours; matches after 3 and 7 days: median 5.
# Week 11: v3 only: 2 days and 6 days. Week 12: v4 after 4 hours, v5 without any connection; no match yet.
WEEKS = {
    "Week 10 (4 mrt 2024)": ["2", "1", "2", "2", "1", "50,0%", "0,7 dagen (16 uur)", "5,0 dagen"],
    "Week 11 (11 mrt 2024)": ["1", "1", "1", "2", "1", "50,0%", "2,0 dagen", "6,0 dagen"],
    "Week 12 (18 mrt 2024)": ["2", "0", "1", "1", "1", "100,0%", "0,2 dagen (4 uur)", "—"],
    # Reactions 4 h, 8 h, 1 day, 2 days: median (8 h + 24 h) / 2; matches after 3, 6 and 7 days: median 6.
    "Totaal": ["5", "2", "4", "5", "3", "60,0%", "0,7 dagen (16 uur)", "6,0 dagen"],
}
CATEGORIES = {
    # v1, v3, v4; aanbod a1; m1, m2, m4, m5 (m2 a proposal); reactions 1 day, 2 days, 4 hours; matches 3 and 6 days.
    "Boodschappen": ["3", "1", "3", "4", "2", "50,0%", "1,0 dagen (24 uur)", "4,5 dagen"],
    # v2, v5; aanbod a1 (both categories) and a2; m3 by the vrager.
    "Tuin": ["2", "2", "1", "1", "1", "100,0%", "0,3 dagen (8 uur)", "7,0 dagen"],
}


def dashboard(client, path="/coordinator/dashboard", **args):
    return client.get(path, query_string={**PERIOD, **args})


def test_per_week_counts_match_rate_and_medians(timeline, login, client):
    login("coordinator")
    week_table, _category_table = html_tables(dashboard(client))
    assert week_table[0] == ["Week", *HEADERS]
    assert as_dicts(week_table) == {label: dict(zip(HEADERS, cells)) for label, cells in WEEKS.items()}


def test_per_category_counts(timeline, login, client):
    login("coordinator")
    _week_table, category_table = html_tables(dashboard(client))
    rows = as_dicts(category_table)
    assert len(rows) == 11
    for label, cells in rows.items():
        assert list(cells.values()) == CATEGORIES.get(label, NOTHING), label


def test_csv_equals_the_tables(timeline, login, client):
    login("coordinator")
    week_table, category_table = html_tables(dashboard(client))
    by_week = dashboard(client, "/coordinator/dashboard.csv")
    assert csv_rows(by_week) == week_table
    assert by_week.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="dashboard-meppel-2024-03-04-2024-03-24-per-week.csv"' in by_week.headers["Content-Disposition"]
    assert csv_rows(dashboard(client, "/coordinator/dashboard.csv", tabel="categorie")) == category_table


def test_the_default_period_is_the_last_twelve_weeks(timeline, login, client):
    login("coordinator")
    week_table, _category_table = html_tables(client.get("/coordinator/dashboard"))
    assert len(week_table) == 1 + 12 + 1  # header, 12 weeks, totals
    assert week_table[-2][0].startswith(f"Week {local_date(utcnow()).isocalendar()[1]} ")


def test_unanswered_vragen_are_flagged_after_seven_days(timeline, app):
    seven_days = at(24, 22, 30) + timedelta(days=7)  # v5 was published exactly 7 days before
    titles = [post.title for post in queries.unanswered_requests("Meppel", seven_days)]
    assert titles == ["Week negen"]  # v1-v4 have a connection; Tynaarlo, concept and example posts never count
    titles = [post.title for post in queries.unanswered_requests("Meppel", seven_days + timedelta(seconds=1))]
    assert titles == ["Week negen", "Vraag vijf"]


def test_the_page_lists_the_flagged_vragen_with_a_link(timeline, login, client, app):
    login("coordinator")
    html = dashboard(client).get_data(as_text=True)
    section = html.split('id="zonder-reactie"')[1].split('id="zoekopdrachten"')[0]
    assert "Vraag vijf" in section and "Vraag een" not in section and "Tynaarlo" not in section
    with app.test_request_context():
        link = services.request_link(timeline["v5"].id)
    assert link is None or f'href="{link}"' in section


def test_charts_are_accessible_svg_without_inline_style(timeline, login, client):
    login("coordinator")
    html = dashboard(client).get_data(as_text=True)
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="bk-chart" role="img" aria-label="') == 2
    assert "<title>Week 10 (4 mrt 2024) – Vragen: 2</title>" in html
    assert "<title>Tuin – Bevestigde matches: 1</title>" in html
    assert "style=" not in html


def test_numbers_do_not_depend_on_the_database_dialect(timeline, app):
    """The service alone (no HTML): grouping happens in Python, so this holds on PostgreSQL too."""
    result = services.build_dashboard("Meppel", Period(date(2024, 3, 4), date(2024, 3, 24)))
    assert [bucket.vragen for _week, bucket in result.weeks] == [2, 1, 2]
    assert [bucket.connections for _week, bucket in result.weeks] == [2, 2, 1]
    assert result.total.reaction_waits and sorted(result.total.match_waits) == [3 * 86400, 6 * 86400, 7 * 86400]
