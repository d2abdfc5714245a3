"""CSV import and export of voorzieningen: read and check a file, plan what each row does, apply the plan.

No request code here. The format (explained to beheerders on /beheer/import):
- UTF-8 with a BOM and `;` between the cells: what Dutch Excel opens directly and saves as "CSV UTF-8".
  On import a `,` or a tab works too, and the BOM may be missing.
- The first row names the columns (`id` and COLUMNS). Only `naam` is required. A column left out of the file
  keeps what is stored (a new voorziening gets the default); an empty cell empties the field.
- `themas` and `doelgroepen` hold several values separated by `|`; `laatst_gecontroleerd` is YYYY-MM-DD.
- A row with an `id` changes that voorziening; a row without one makes a new voorziening.
Exporting and importing the same file changes nothing.
"""
import csv
import hashlib
import io
import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from types import SimpleNamespace
from typing import Callable

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from wtforms.validators import URL, ValidationError

from webapp.accounts.models import UserGemeente
from webapp.beheer.forms import EMAIL, PHONE, POSTCODE
from webapp.directory import audit, maintenance
from webapp.directory.maintenance import ServiceData
from webapp.directory.models import Service, ServiceAtLocation
from webapp.directory.vocab import ACCESS_ROUTES, LAYERS, THEMES, TRISTATE, UNKNOWN
from webapp.errors import RuleViolation
from webapp.extensions import db

MAX_BYTES = 2 * 1024 * 1024
DELIMITER = ";"
NEW, CHANGED, UNCHANGED, REFUSED = "nieuw", "gewijzigd", "ongewijzigd", "geweigerd"
STATUS_LABELS = {NEW: _l("nieuw"), CHANGED: _l("gewijzigd"), UNCHANGED: _l("ongewijzigd"), REFUSED: _l("geweigerd")}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # Excel runs a cell that starts with one of these
_URL = URL(message="")


class CellError(ValueError):
    """A cell that cannot be used; the message is Dutch and shown to the beheerder."""


# ---- reading cells -------------------------------------------------------------------------------------------

def _text(limit, required=False, empty=None):
    def parse(cell):
        if cell is None:
            if required:
                raise CellError(_("Vul dit in."))
            return empty
        if len(cell) > limit:
            raise CellError(_("Dit is te lang: hoogstens %(limit)d tekens.", limit=limit))
        return cell
    return parse


def _checked(limit, is_valid, message):
    plain = _text(limit)

    def parse(cell):
        value = plain(cell)
        if value is not None and not is_valid(value):
            raise CellError(str(message))
        return value
    return parse


def _matches(pattern):
    return lambda value: re.match(pattern, value) is not None


def _is_url(value):
    try:
        _URL(None, SimpleNamespace(data=value))  # the same rule as the beheer form
    except ValidationError:
        return False
    return True


def _lookup(vocabulary):
    """Slug or label, in any case: 'Vrije inloop' and 'vrij-inloop' are the same."""
    found = {slug.casefold(): slug for slug in vocabulary}
    found.update({str(label).casefold(): slug for slug, label in vocabulary.items()})
    return found


def _choice(vocabulary, empty):
    def parse(cell):
        if cell is None:
            return empty
        slug = _lookup(vocabulary).get(cell.casefold())
        if slug is None:
            raise CellError(_("'%(value)s' kennen we niet. Kies uit: %(options)s.", value=cell,
                              options=", ".join(vocabulary)))
        return slug
    return parse


def _several(vocabulary=None, limit=120):
    """Values separated by `|` (themes also by `,`: a doelgroep may hold a comma)."""
    separators = r"[|,]" if vocabulary else r"\|"

    def parse(cell):
        values = [part.strip() for part in re.split(separators, cell or "") if part.strip()]
        if vocabulary:
            known = _lookup(vocabulary)
            unknown = [value for value in values if value.casefold() not in known]
            if unknown:
                raise CellError(_("'%(value)s' kennen we niet. Kies uit: %(options)s.", value="', '".join(unknown),
                                  options=", ".join(vocabulary)))
            values = [known[value.casefold()] for value in values]
        if any(len(value) > limit for value in values):
            raise CellError(_("Dit is te lang: hoogstens %(limit)d tekens.", limit=limit))
        return tuple(sorted(set(values)))
    return parse


def _date(cell):
    if cell is None:
        return None
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):  # Dutch Excel saves a date as 31-3-2025
        try:
            return datetime.strptime(cell, pattern).date()
        except ValueError:
            continue
    raise CellError(_("Vul een datum in zoals 2025-03-31."))


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    parse: Callable


COLUMNS = (
    Column("naam", "name", _text(200, required=True)),
    Column("gemeente", "gemeente", _text(100)),
    Column("samenvatting", "summary", _text(300, empty="")),
    Column("beschrijving", "description", _text(3000, empty="")),
    Column("toegang", "access_route", _choice(ACCESS_ROUTES, UNKNOWN)),
    Column("laag", "layer", _choice(LAYERS, None)),
    Column("themas", "themes", _several(THEMES)),
    Column("doelgroepen", "target_groups", _several()),
    Column("organisatie", "organization_name", _text(200)),
    Column("telefoon", "phone", _checked(40, _matches(PHONE), _l("Vul een telefoonnummer in, zoals 0522 123 456."))),
    Column("email", "email", _checked(200, _matches(EMAIL), _l("Vul een e-mailadres in, zoals info@voorbeeld.nl."))),
    Column("website", "website", _checked(300, _is_url, _l("Vul een webadres in dat begint met https://."))),
    Column("talen", "languages", _text(200)),
    Column("gratis", "free_of_charge", _choice(TRISTATE, UNKNOWN)),
    Column("kosten", "cost_note", _text(300)),
    Column("vrijwilligers", "volunteers", _choice(TRISTATE, UNKNOWN)),
    Column("locatie", "location_name", _text(200)),
    Column("adres", "address", _text(200)),
    Column("postcode", "postcode", _checked(7, _matches(POSTCODE), _l("Vul een postcode in zoals 7941 AB."))),
    Column("woonplaats", "woonplaats", _text(100)),
    Column("rolstoel", "wheelchair_access", _choice(TRISTATE, UNKNOWN)),
    Column("laatst_gecontroleerd", "last_checked_on", _date),
)
HEADERS = ("id", *(column.header for column in COLUMNS))
ALIASES = {"e_mail": "email", "thema": "themas", "doelgroep": "doelgroepen", "laatst_gecontroleerd_op":
           "laatst_gecontroleerd"}


# ---- reading a file ------------------------------------------------------------------------------------------

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


def decode_upload(stream):
    """The uploaded bytes as text; RuleViolation (field "bestand") when too large or not UTF-8 text."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _file_error(_("Het bestand is te groot: hoogstens 2 MB. Splits het in kleinere bestanden."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _file_error(_("Het bestand is geen UTF-8-tekst. Sla het in Excel op als 'CSV UTF-8 (met "
                            "scheidingstekens)' en probeer het opnieuw.")) from None


def read_rows(text):
    """The rows of a CSV text, cells stripped; RuleViolation (field "bestand") for a file we cannot use."""
    text = (text or "").lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if len(text.encode()) > MAX_BYTES:
        raise _file_error(_("Het bestand is te groot: hoogstens 2 MB. Splits het in kleinere bestanden."))
    if not text.strip():
        raise _file_error(_("Het bestand is leeg."))
    if "\x00" in text:
        raise _file_error(_("Dit is geen CSV-bestand. Kies een bestand dat eindigt op .csv."))
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    try:
        records = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:
        raise _file_error(_("Dit bestand kunnen we niet lezen als CSV. Sla het in Excel op als 'CSV UTF-8'.")) from None
    positions, ignored = _columns(records[0])
    rows = []
    for number, record in enumerate(records[1:], start=2):
        values = [_cell(value) for value in record]
        if any(values):
            rows.append(Row(number, {name: values[i] if i < len(values) else None for name, i in positions.items()},
                            too_many_cells=any(values[len(records[0]):])))
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


# ---- planning --------------------------------------------------------------------------------------------------

@dataclass
class RowPlan:
    number: int
    status: str
    name: str | None
    service: Service | None = None
    data: ServiceData | None = None
    changes: list = field(default_factory=list)  # (column, old text, new text)
    reasons: list = field(default_factory=list)  # (column, Dutch message)


def plan_import(actor, rows):
    """What each row would do, without writing anything: new, changed (and how), unchanged or refused (and why)."""
    ids = Counter(row.cells.get("id") for row in rows if row.cells.get("id"))
    known = {name.casefold() for name in db.session.scalars(select(Service.gemeente).distinct())}
    known |= {name.casefold() for name in db.session.scalars(select(UserGemeente.gemeente).distinct())}
    return [_plan_row(actor, row, ids, known) for row in rows]


def _plan_row(actor, row, ids, known_gemeenten):
    service, reasons = _target(actor, row.cells.get("id"), ids, row.number)
    base = current_data(service) if service else ServiceData(name="", gemeente="")
    values = {}
    for column in COLUMNS:
        if column.header in row.cells:
            try:
                values[column.field] = _keep_same(getattr(base, column.field), column.parse(row.cells[column.header]))
            except CellError as error:
                reasons.append((column.header, str(error)))
    if row.too_many_cells:
        reasons.append(("", _("Deze rij heeft meer cellen dan er kolommen zijn.")))
    gemeente = _gemeente(actor, values.get("gemeente") or base.gemeente, known_gemeenten, reasons)
    name = row.cells.get("naam")
    if reasons:
        return RowPlan(row.number, REFUSED, name, reasons=reasons)
    data = replace(base, **values, gemeente=gemeente)
    if service is None:
        return RowPlan(row.number, NEW, name, data=data)
    changes = [(column.header, cell_text(getattr(base, column.field)), cell_text(getattr(data, column.field)))
               for column in COLUMNS if getattr(base, column.field) != getattr(data, column.field)]
    return RowPlan(row.number, CHANGED if changes else UNCHANGED, name, service, data, changes)


def _target(actor, service_id, ids, number):
    """The voorziening a row changes (None for a new one), and the reasons it may not."""
    if not service_id:
        return None, []
    if ids[service_id] > 1:
        return None, [("id", _("Dit id staat meer dan één keer in het bestand."))]
    service = db.session.get(Service, service_id) if len(service_id) <= 36 else None
    if service is None:
        return None, [("id", _("Er is geen voorziening met dit id."))]
    if not actor.works_for(service.gemeente):
        return None, [("id", _("Dit id hoort bij een voorziening van een gemeente die u niet beheert."))]
    if service.archived_at is not None:
        return None, [("id", _("Deze voorziening is gearchiveerd. Herstel haar eerst in beheer."))]
    return service, []


def _gemeente(actor, text, known, reasons):
    """The actor's spelling of the gemeente; a missing one is the actor's only gemeente."""
    if not text:
        if len(actor.gemeenten) == 1:
            return actor.gemeenten[0]
        reasons.append(("gemeente", _("Vul de gemeente in.")))
        return None
    mine = {name.casefold(): name for name in actor.gemeenten}
    if text.casefold() in mine:
        return mine[text.casefold()]
    if text.casefold() in known:
        reasons.append(("gemeente", _("U beheert geen voorzieningen in de gemeente %(gemeente)s.", gemeente=text)))
    else:
        reasons.append(("gemeente", _("De gemeente '%(gemeente)s' kennen we niet. U beheert: %(mine)s.",
                                      gemeente=text, mine=", ".join(actor.gemeenten))))
    return None


def _keep_same(old, new):
    """Stored text that differs only in spaces or line endings stays as it is (a browser sends CRLF)."""
    def plain(value):
        return (value or "").replace("\r\n", "\n").strip()
    if (old is None or isinstance(old, str)) and (new is None or isinstance(new, str)) and plain(old) == plain(new):
        return old
    return new


def plan_digest(plan):
    """A fingerprint of what the preview showed: the confirmation applies the plan only while it still holds."""
    shown = [(row.number, row.status, row.service.id if row.service else None, row.changes, row.reasons,
              asdict(row.data) if row.data else None) for row in plan]
    return hashlib.sha256(json.dumps(shown, default=str).encode()).hexdigest()


def count(plan):
    return Counter({NEW: 0, CHANGED: 0, UNCHANGED: 0, REFUSED: 0}) + Counter(row.status for row in plan)


def apply_import(actor, plan):
    """Write the new and changed rows, each in its own transaction and audited as imported; returns the counts."""
    counts = count(plan)
    db.session.rollback()  # end the planning's read transaction: each write must start as a writer
    for row in plan:
        try:
            if row.status == NEW:
                maintenance.create_service(actor, row.data, action=audit.IMPORTED)
            elif row.status == CHANGED:
                maintenance.update_service(actor, row.service, row.data, action=audit.IMPORTED)
        except RuleViolation:  # the service rolled back: this row changed nothing
            counts[row.status] -= 1
            counts[REFUSED] += 1
    return counts


# ---- export ----------------------------------------------------------------------------------------------------

def current_data(service):
    """A voorziening as the import reads it: what a row must hold to change nothing."""
    location = service.location
    return ServiceData(
        name=service.name, gemeente=service.gemeente, summary=service.summary or "",
        description=service.description or "", access_route=service.access_route, layer=service.layer,
        themes=tuple(sorted(theme.slug for theme in service.themes)),
        target_groups=tuple(sorted(group.name for group in service.target_groups)),
        organization_name=service.organization.name if service.organization else None,
        phone=service.phone, email=service.email, website=service.website, languages=service.languages,
        free_of_charge=service.free_of_charge, cost_note=service.cost_note, volunteers=service.volunteers,
        location_name=location and location.name, address=location and location.address,
        postcode=location and location.postcode, woonplaats=location and location.woonplaats,
        wheelchair_access=location.wheelchair_access if location else UNKNOWN,
        last_checked_on=service.last_checked_on,
    )


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, tuple):
        return "|".join(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def exportable_services(gemeenten):
    """The voorzieningen on the kaart (not archived) of these gemeenten, with what the export reads."""
    return db.session.scalars(
        select(Service).where(Service.gemeente.in_(gemeenten), Service.archived_at.is_(None))
        .options(selectinload(Service.themes), selectinload(Service.target_groups),
                 selectinload(Service.organization),
                 selectinload(Service.locations).selectinload(ServiceAtLocation.location))
        .order_by(Service.gemeente, Service.name)).all()


def export_csv(services):
    """UTF-8 with a BOM, `;`-separated, CRLF: Dutch Excel opens it as it is. Cells that Excel would run as a
    formula get a leading apostrophe, which Excel hides and read_rows removes."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for service in services:
        data = current_data(service)
        writer.writerow([service.id, *(_defused(cell_text(getattr(data, column.field))) for column in COLUMNS)])
    return "\ufeff" + out.getvalue()


def _defused(text):
    return "'" + text if text.startswith(FORMULA_START) else text
