"""Reading the dashboard's tables back from the HTML page and from the CSV export."""
import csv
import io
from html.parser import HTMLParser


class Tables(HTMLParser):
    """Every <table class="... bk-dashboard-table"> as a list of rows (header row first) of cell texts."""

    def __init__(self, html, css_class="bk-dashboard-table"):
        super().__init__(convert_charrefs=True)
        self.css_class, self.tables, self._row, self._cell, self._depth = css_class, [], None, None, 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "table" and self.css_class in (dict(attrs).get("class") or ""):
            self.tables.append([])
        elif self.tables and tag == "tr":
            self._row = []
        elif self._row is not None and tag in ("td", "th"):
            self._cell = ""

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join(self._cell.split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[-1].append(self._row)
            self._row = None


def html_tables(response, css_class="bk-dashboard-table"):
    assert response.status_code == 200, response.get_data(as_text=True)
    return Tables(response.get_data(as_text=True), css_class).tables


def csv_rows(response):
    assert response.status_code == 200, response.get_data(as_text=True)
    text = response.get_data().decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def as_dicts(rows):
    """{first cell: {header: cell}} of a table's rows."""
    headers = rows[0]
    return {row[0]: dict(zip(headers[1:], row[1:])) for row in rows[1:]}
