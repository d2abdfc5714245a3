"""`flask hsds import`: an HSDS tabular data package into the kaart, row by row.

Each voorziening is one unit with its rows in the other tables (phones, schedules, areas, languages, cost options,
themes, locations): a bad row refuses its whole unit and changes nothing; the other units go on. A voorziening whose
id the kaart already has is updated (a re-import of the same source updates, never duplicates); a new one that is
likely the same as one on the kaart (similar name, same place) is reported and not added.
"""
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from webapp.database import write_block
from webapp.directory import audit
from webapp.directory.duplicates import likely_duplicates
from webapp.directory.models import Organization, Service, ServiceAtLocation
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.opendata.hsds_service import service_full
from webapp.opendata.package import read_package
from webapp.opendata.writing import ServiceUnit, keep_modified, write_service

ADDED, UPDATED, UNCHANGED, DUPLICATE, REFUSED = "toegevoegd", "bijgewerkt", "ongewijzigd", "mogelijk dubbel", "fout"


@dataclass
class Line:
    file: str
    line: int
    id: str | None
    outcome: str
    message: str = ""

    def __str__(self):
        text = f"{self.file} regel {self.line} ({self.id or 'zonder id'}): {self.outcome}"
        return f"{text}: {self.message}" if self.message else text


@dataclass
class Report:
    lines: list = field(default_factory=list)

    def add(self, row, outcome, message=""):
        self.lines.append(Line(row.file, row.line, row.id, outcome, message))

    @property
    def counts(self):
        return Counter(line.outcome for line in self.lines)

    @property
    def ok(self):
        return not self.counts[REFUSED]


class _DryRun(Exception):
    pass


def import_package(folder, dry_run=False):
    """Read, check and write the package in `folder`; with dry_run nothing is kept. Returns the Report."""
    tables = read_package(folder)
    report = Report()
    actor = SimpleNamespace(id=None, email=f"HSDS-import {Path(folder).resolve().name}"[:254])  # in the change log
    try:
        with write_block():
            organizations = _organizations(tables["organization"], report)
            written, known = {}, _active_services()
            for unit in _units(tables, organizations):
                if _import_unit(unit, report, known, actor):
                    written[unit.row.id] = unit.row.get("last_modified")
            keep_modified(written)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def _organizations(rows, report):
    """{source id: Organization}; one with the same name but another id is the kaart's own, reused."""
    found = {}
    for row in rows:
        if row.problems:
            report.add(row, REFUSED, "; ".join(row.problems))
            continue
        organization = db.session.get(Organization, row.id) or db.session.scalar(
            select(Organization).where(Organization.name == row.get("name")))
        outcome = UPDATED if organization else ADDED
        if organization is None:
            organization = Organization(id=row.id)
            db.session.add(organization)
        before = (organization.name, organization.email, organization.website)
        organization.name, organization.email, organization.website = row.get("name"), row.get("email"), row.get(
            "website")
        if outcome == UPDATED and before == (organization.name, organization.email, organization.website):
            outcome = UNCHANGED
        found[row.id] = organization
        report.add(row, outcome)
    db.session.flush()
    return found


def _units(tables, organizations):
    by_service = defaultdict(lambda: defaultdict(list))
    for name in ("phone", "schedule", "service_area", "language", "cost_option", "service_at_location"):
        for row in tables[name]:
            by_service[row.get("service_id")][name].append(row)
    for row in tables["attribute"]:
        by_service[row.get("link_id")]["attribute"].append(row)
    by_location = defaultdict(lambda: defaultdict(list))
    for name in ("address", "accessibility"):
        for row in tables[name]:
            by_location[row.get("location_id")][name].append(row)
    locations = {row.id: row for row in tables["location"]}
    terms = {row.id: row.get("code") for row in tables["taxonomy_term"]}
    for row in tables["service"]:
        yield ServiceUnit(row, by_service[row.id], locations, by_location, terms, organizations)


def _active_services():
    """The voorzieningen a new one may duplicate, loaded once (each one added is appended)."""
    return list(db.session.scalars(select(Service).where(Service.archived_at.is_(None)).options(
        selectinload(Service.locations).selectinload(ServiceAtLocation.location))))


def _import_unit(unit, report, known, actor):
    """Write one voorziening; True when it was written."""
    problems = unit.problems()
    if problems:
        for row, message in problems:
            report.add(row, REFUSED, message)
        return False
    existing = db.session.get(Service, unit.row.id)
    before = service_full(existing) if existing else None
    logged = audit.snapshot(existing) if existing else {}
    if existing is None:
        twins = likely_duplicates(unit.row.get("name"), unit.gemeente(), among=known)
        if twins:
            names = ", ".join(f"'{twin.name}' ({twin.id})" for twin in twins)
            report.add(unit.row, DUPLICATE, f"lijkt op {names}; niet toegevoegd")
            return False
    try:
        with db.session.begin_nested():
            service = write_service(unit, existing)
    except RuleViolation as error:
        report.add(unit.row, REFUSED, "; ".join(message for _field, message in error.reasons))
        return False
    audit.record(actor, service, audit.IMPORTED if existing is None else audit.CHANGED, logged, audit.snapshot(service))
    if existing is None:
        report.add(unit.row, ADDED)
        if service.archived_at is None:
            known.append(service)
    else:
        report.add(unit.row, UNCHANGED if _same(service_full(service), before) else UPDATED)
    return True


def _same(after, before):
    """The same content; last_modified is left out (a flush stamps it with now, the source's comes back later)."""
    return {**after, "last_modified": None} == {**before, "last_modified": None}
