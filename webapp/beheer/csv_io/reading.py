"""Reading an uploaded file into rows: encoding, size, separator, header."""
import csv
import io
import re
from dataclasses import dataclass

from flask_babel import gettext as _

from webapp.beheer.csv_io.cells import ALIASES, FORMULA_START, HEADERS, MAX_BYTES
from webapp.errors import RuleViolation


@dataclass(frozen=True)
class Row:
    number: int  # as a spreadsheet numbers it: the column names are row 1
    cells: dict  # column -> text, or None when empty; a column the file lacks is absent
    too_many_cells: bool = False


@dataclass(frozen=True)
class CsvRows:
    rows: list
    ignored_columns: list  # column names we do not know; their cells are not used

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)


def _file_error(message):
    return RuleViolation([("bestand", message)])


def _too_large():
    return _file_error(_("Het bestand is te groot: hoogstens 2 MB. Splits het in kleinere bestanden."))


def decode_upload(stream):
    """The uploaded bytes as text; RuleViolation (field "bestand") when too large or not UTF-8 text."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _too_large()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _file_error(_("Het bestand is geen UTF-8-tekst. Sla het in Excel op als 'CSV UTF-8 (met "
                            "scheidingstekens)' en probeer het opnieuw.")) from None


def read_rows(text):
    """The rows of a CSV text, cells stripped; RuleViolation (field "bestand") for a file we cannot use."""
    text = (text or "").lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if len(text.encode()) > MAX_BYTES:
        raise _too_large()
    if "\x00" in text:
        raise _file_error(_("Dit is geen CSV-bestand. Kies een bestand dat eindigt op .csv."))
    first_line = next((line for line in text.split("\n") if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first_line.count)
    try:
        records = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:
        raise _file_error(_("Dit bestand kunnen we niet lezen als CSV. Sla het in Excel op als 'CSV UTF-8'.")) from None
    first = next((number for number, record in enumerate(records) if any(value.strip() for value in record)), None)
    if first is None:
        raise _file_error(_("Het bestand is leeg."))
    header = records[first]
    positions, ignored = _columns(header)
    rows = []
    for number, record in enumerate(records[first + 1:], start=first + 2):
        values = [_cell(value) for value in record]
        if any(values):
            rows.append(Row(number, {name: values[i] if i < len(values) else None for name, i in positions.items()},
                            too_many_cells=any(values[len(header):])))
    if not rows:
        raise _file_error(_("Er staan geen voorzieningen in het bestand, alleen de namen van de kolommen."))
    return CsvRows(rows, ignored)


def _columns(header):
    positions, ignored = {}, []
    for position, title in enumerate(header):
        name = re.sub(r"[\s-]+", "_", title.strip().lstrip("\ufeff").casefold().replace("'", ""))
        name = ALIASES.get(name, name)
        if name in positions:
            raise _file_error(_("De kolom '%(name)s' staat twee keer in het bestand.", name=title.strip()))
        if name in HEADERS:
            positions[name] = position
        elif name:
            ignored.append(title.strip())
    if "naam" not in positions:
        raise _file_error(_("Het bestand heeft geen kolom 'naam'. De eerste rij moet de namen van de kolommen "
                            "bevatten, zoals in het voorbeeldbestand."))
    return positions, ignored


def _cell(value):
    value = value.strip()
    if value[:1] == "'" and value[1:2] in FORMULA_START:  # written by export_csv against formulas
        value = value[1:]
    return value or None
