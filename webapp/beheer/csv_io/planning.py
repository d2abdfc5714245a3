"""What each row of an import will do (nothing is written), and doing it when confirmed."""
import hashlib
import json
from collections import Counter
from dataclasses import asdict, dataclass, field, replace

from flask_babel import gettext as _
from sqlalchemy import select

from webapp.accounts.models import UserGemeente
from webapp.beheer.csv_io.export import cell_text, current_data, with_details
from webapp.beheer.csv_io.cells import CellError, CHANGED, COLUMNS, MAX_WRITES, NEW, REFUSED, UNCHANGED
from webapp.directory import areas, audit, maintenance, merging
from webapp.directory.maintenance import ServiceData
from webapp.directory.models import Service
from webapp.database import StaleVersion, check_version, write_block
from webapp.errors import RuleViolation
from webapp.extensions import db


@dataclass
class RowPlan:
    number: int
    status: str
    name: str | None
    service: Service | None = None
    data: ServiceData | None = None
    changes: list = field(default_factory=list)  # (column, old text, new text)
    reasons: list = field(default_factory=list)  # (column, Dutch message): why it is refused
    notes: list = field(default_factory=list)  # Dutch warnings that do not stop the row
    found: object = None  # where a new or changed row will be placed (maintenance.prepare), geocoded in planning
    service_version: int | None = None  # the version planned against: a change since then stops the import


@dataclass
class _Known:
    """What planning looks up once per file, not once per row."""
    ids: Counter  # how often each id occurs in the file
    services: dict  # id -> Service, for the ids in the file
    gemeenten: set  # casefolded names of every gemeente the site knows
    names: set  # (gemeente, casefolded name) of the voorzieningen there are, and of the new rows so far
    active: list  # the actor's voorzieningen on the kaart, for likely duplicates (directory.duplicates)


def plan_import(actor, rows):
    """What each row would do, without writing anything: new, changed (and how), unchanged or refused (and why)."""
    ids = Counter(row.cells["id"] for row in rows if row.cells.get("id"))
    wanted = [service_id for service_id in ids if len(service_id) <= 36]
    services = {service.id: service for service in db.session.scalars(
        with_details(select(Service).where(Service.id.in_(wanted))))} if wanted else {}
    gemeenten = set(db.session.scalars(select(Service.gemeente).distinct()))
    gemeenten |= set(db.session.scalars(select(UserGemeente.gemeente).distinct()))
    names = {(gemeente, name.casefold()) for gemeente, name in db.session.execute(
        select(Service.gemeente, Service.name).where(Service.gemeente.in_(actor.gemeenten)))}
    active = db.session.scalars(with_details(select(Service).where(Service.gemeente.in_(actor.gemeenten))
                                             .where(Service.archived_at.is_(None)))).all()
    known = _Known(ids, services, {name.casefold() for name in gemeenten}, names, active)
    plan = [_plan_row(actor, row, known) for row in rows]
    db.session.rollback()  # planning only read; geocoding may take its own short transactions
    for row in plan:
        if row.status in (NEW, CHANGED):
            row.found = maintenance.prepare(actor, row.service, row.data)
    return plan


def _plan_row(actor, row, known):
    service, reasons = _target(actor, row.cells.get("id"), known)
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
    gemeente = _gemeente(actor, values.get("gemeente") or base.gemeente, known.gemeenten, reasons)
    name = row.cells.get("naam")
    if reasons:
        return RowPlan(row.number, REFUSED, name, reasons=reasons)
    data = replace(base, **{**values, "gemeente": gemeente})
    try:
        data = replace(data, service_area=areas.normalize(data.service_area, gemeente, also_known=actor.gemeenten))
    except RuleViolation as violation:
        return RowPlan(row.number, REFUSED, name, reasons=[("werkgebied", message)
                                                           for _field, message in violation.reasons])
    if service is None:
        return RowPlan(row.number, NEW, name, data=data, notes=_same_name(data, known))
    changes = [(column.header, cell_text(getattr(base, column.field), column.separator),
                cell_text(getattr(data, column.field), column.separator))
               for column in COLUMNS if getattr(base, column.field) != getattr(data, column.field)]
    return RowPlan(row.number, CHANGED if changes else UNCHANGED, name, service, data, changes,
                   service_version=service.version)


def _target(actor, service_id, known):
    """The voorziening a row changes (None for a new one), and the reasons it may not."""
    if not service_id:
        return None, []
    if known.ids[service_id] > 1:
        return None, [("id", _("Dit id staat meer dan één keer in het bestand."))]
    service = known.services.get(service_id)
    if service is None:
        return None, [("id", _("Er is geen voorziening met dit id."))]
    if not actor.works_for(service.gemeente):
        return None, [("id", _("Dit id hoort bij een voorziening van een gemeente die u niet beheert."))]
    if service.archived_at is not None:
        return None, [("id", _("Deze voorziening is gearchiveerd. Herstel haar eerst in beheer."))]
    return service, []


def _same_name(data, known):
    """A new row named like a voorziening there is (an import done twice? a likely duplicate?) is allowed, but said:
    nothing is written before the beheerder confirms the preview."""
    key = (data.gemeente, data.name.casefold())
    if key in known.names:
        return [_("Er is al een voorziening met deze naam in %(gemeente)s. Wilt u die aanpassen? Zet dan haar id "
                  "in de rij.", gemeente=data.gemeente)]
    known.names.add(key)
    twins = merging.twins_of(data, among=known.active)
    if twins:
        return [_("Mogelijk dubbel: lijkt op %(names)s (naam, telefoon, e-mail of website). Is het dezelfde? Zet dan "
                  "haar id in de rij.",
                  names=", ".join(twin.name for twin in twins[:3]))]
    return []


def _gemeente(actor, text, known_gemeenten, reasons):
    """The actor's spelling of the gemeente; a missing one is the actor's only gemeente."""
    if not text:
        if len(actor.gemeenten) == 1:
            return actor.gemeenten[0]
        reasons.append(("gemeente", _("Vul de gemeente in.")))
        return None
    mine = {name.casefold(): name for name in actor.gemeenten}
    if text.casefold() in mine:
        return mine[text.casefold()]
    if text.casefold() in known_gemeenten:
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
              asdict(row.data) if row.data else None, _point(row.found)) for row in plan]
    return hashlib.sha256(json.dumps(shown, default=str).encode()).hexdigest()


def _point(found):
    return (found.latitude, found.longitude, found.precision) if hasattr(found, "precision") else repr(found)


def count_statuses(plan):
    return Counter(row.status for row in plan)


def writes(counts):
    return counts[NEW] + counts[CHANGED]


def too_many_writes():
    return _("U kunt hoogstens %(max)d nieuwe of gewijzigde voorzieningen tegelijk importeren. Splits het "
             "bestand in kleinere bestanden.", max=MAX_WRITES)


def apply_import(actor, plan):
    """Write the new and changed rows in one transaction, audited as imported: all of them or none.

    Geocoding was done in planning (row.found), so the write lock is held for the writes only. A row that
    fails now (someone changed its voorziening since the preview) ends the import with nothing written.
    """
    counts = count_statuses(plan)
    if writes(counts) > MAX_WRITES:
        raise RuleViolation([("bestand", too_many_writes())])
    with write_block():
        for row in plan:
            try:
                _write_row(actor, row)
            except (RuleViolation, StaleVersion) as problem:
                reason = problem.reasons[0][1] if isinstance(problem, RuleViolation) else _(
                    "de voorziening is intussen gewijzigd")
                raise RuleViolation([("bestand", _("Rij %(number)d: %(reason)s. Er is niets geïmporteerd.",
                                                   number=row.number, reason=reason))]) from None
    return counts


def _write_row(actor, row):
    if row.status == NEW:
        maintenance.add_service(actor, row.data, row.found, action=audit.IMPORTED)
    elif row.status == CHANGED:
        check_version(row.service, row.service_version)
        maintenance.change_service(actor, row.service, row.data, row.found, action=audit.IMPORTED)
