"""The dashboard's tables as CSV for Excel: semicolons, UTF-8 with a BOM, the page's own Dutch cells."""
import csv
import io

from webapp.text import slugify

BOM = "\ufeff"


def csv_text(table):
    """Header, rows and totals, cell for cell as the HTML table shows them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(table.headers)
    writer.writerows(table.rows)
    writer.writerows(table.footer)
    return BOM + buffer.getvalue()


def filename(gemeente, period, by_category):
    suffix = "-per-categorie" if by_category else "-per-week"
    return f"dashboard-{slugify(gemeente)}-{period.start.isoformat()}-{period.end.isoformat()}{suffix}.csv"
