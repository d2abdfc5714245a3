"""Writing the voorzieningen of some gemeenten as a CSV file that imports back unchanged."""
import csv
import io
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from webapp.beheer.csv_io.cells import COLUMNS, DELIMITER, FORMULA_START, HEADERS
from webapp.directory.maintenance import current_data  # noqa: F401  (planning.py reads it from here)
from webapp.directory.models import Service, ServiceAtLocation
from webapp.extensions import db


def cell_text(value, separator="|"):
    if value is None:
        return ""
    if isinstance(value, tuple):
        return separator.join(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def exportable_services(gemeenten):
    """The voorzieningen on the kaart (not archived) of these gemeenten, with what the export reads."""
    return db.session.scalars(with_details(
        select(Service).where(Service.gemeente.in_(gemeenten), Service.archived_at.is_(None))
        .order_by(Service.gemeente, Service.name))).all()


def with_details(query):
    """Load what current_data reads in a few queries, not a few per voorziening."""
    return query.options(selectinload(Service.themes), selectinload(Service.target_groups), selectinload(Service.areas),
                         selectinload(Service.organization),
                         selectinload(Service.locations).selectinload(ServiceAtLocation.location))


def export_csv(services):
    """UTF-8 with a BOM, `;`-separated, CRLF: Dutch Excel opens it as it is. Cells that Excel would run as a
    formula get a leading apostrophe, which Excel hides and read_rows removes."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for service in services:
        data = current_data(service)
        cells = (cell_text(getattr(data, column.field), column.separator) for column in COLUMNS)
        writer.writerow([service.id, *(_defused(cell) for cell in cells)])
    return "\ufeff" + out.getvalue()


def _defused(text):
    return "'" + text if text.startswith(FORMULA_START) else text
