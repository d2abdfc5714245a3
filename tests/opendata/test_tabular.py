"""`flask hsds export` and `flask hsds import`: the HSDS tabular data package, through the real CLI and database."""
import csv
import json
from datetime import date, timedelta

import pytest

from sqlalchemy import delete, func, select

from tests.factories import make_service
from webapp.directory.audit import AuditEntry
from webapp.directory.models import Location, Organization, Service, ServiceAtLocation, TargetGroup
from webapp.extensions import db
from webapp.opendata.package import read_package


@pytest.fixture
def folder(tmp_path):
    """The package's folder (tmp_path itself also holds the test's search index)."""
    return tmp_path / "pakket"


def export(runner, folder):
    result = runner.invoke(args=["hsds", "export", str(folder)])
    assert result.exit_code == 0, result.output
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def run_import(runner, folder, *extra):
    return runner.invoke(args=["hsds", "import", str(folder), *extra])


def empty_the_kaart():
    for service in db.session.scalars(select(Service)):
        db.session.delete(service)
    db.session.flush()
    for model in (ServiceAtLocation, Location, Organization, TargetGroup):
        db.session.execute(delete(model))
    db.session.commit()


def services_count():
    return db.session.scalar(select(func.count()).select_from(Service))


def rows(folder, name):
    with open(folder / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write(folder, name, table):
    with open(folder / name, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(table[0]))
        writer.writeheader()
        writer.writerows(table)


def test_an_export_imported_into_an_empty_kaart_exports_the_same(demo, runner, tmp_path):
    first = export(runner, tmp_path / "a")
    assert len(rows(tmp_path / "a", "services.csv")) == services_count() == 128
    assert_valid_package(tmp_path / "a")
    empty_the_kaart()
    result = run_import(runner, tmp_path / "a")
    assert result.exit_code == 0, result.output
    assert "fout" not in result.output and "mogelijk dubbel" not in result.output
    assert services_count() == 128
    second = export(runner, tmp_path / "b")
    assert second.keys() == first.keys()
    assert {name for name in first if first[name] != second[name]} == set()
    again = run_import(runner, tmp_path / "b", "--proef")
    assert "bijgewerkt" not in again.output and "toegevoegd" not in again.output  # the same source: nothing new


def assert_valid_package(folder):
    """Every resource of datapackage.json is there and every row of it validates against its HSDS schema."""
    package = json.loads((folder / "datapackage.json").read_text())
    assert package["licenses"][0]["name"] == "CC0 1.0"
    assert {item["path"] for item in package["resources"]} | {"datapackage.json"} == {
        path.name for path in folder.iterdir()}
    tables = read_package(folder)
    assert [(row.file, row.line, row.problems) for rows_ in tables.values() for row in rows_ if row.problems] == []
    assert len(tables["taxonomy_term"]) == 14


def test_a_bad_row_refuses_its_voorziening_and_changes_nothing_else(app, runner, folder):
    make_service("Buurthuis De Poort", gemeente="Meppel")
    make_service("Taalhuis Meppel", gemeente="Meppel")
    export(runner, folder)
    empty_the_kaart()
    schedules = [{"id": "2a8f3f1c-0e1b-4c55-9a55-3d5e1f6a7b01", "service_id": rows(folder, "services.csv")[0]["id"],
                  "byday": "XX", "opens_at": "09:00", "closes_at": "12:00", "freq": "WEEKLY"}]
    write(folder, "schedules.csv", schedules)
    result = run_import(runner, folder)
    assert result.exit_code == 1
    assert "schedules.csv regel 2 (2a8f3f1c-0e1b-4c55-9a55-3d5e1f6a7b01): fout: schedules: byday 'XX'" in result.output
    assert services_count() == 1
    assert "toegevoegd" in result.output


def test_closed_notice_and_remote_only_come_back_from_an_export(app, runner, tmp_path):
    until = date.today() + timedelta(days=20)
    closed = make_service("Inloop De Kamp", gemeente="Meppel", point=(52.6956, 6.1937), closed_until=until,
                          closed_note="verbouwing", notice="Nieuw adres", notice_until=until)
    remote = make_service("Hulplijn", gemeente="Meppel", point=(52.6956, 6.1937), remote_only=True)
    first = export(runner, tmp_path / "a")
    ids = closed.id, remote.id
    empty_the_kaart()
    assert run_import(runner, tmp_path / "a").exit_code == 0
    assert export(runner, tmp_path / "b") == first
    closed, remote = (db.session.get(Service, service_id) for service_id in ids)
    assert (closed.closed_until, closed.closed_note, closed.notice, closed.notice_until) == (
        until, "verbouwing", "Nieuw adres", until)
    assert remote.remote_only and not closed.remote_only


@pytest.mark.parametrize("status, message", [("misschien", "misschien"),
                                             ("temporarily closed", "zonder einddatum")])
def test_a_bad_value_is_reported_with_its_file_and_line(app, runner, folder, status, message):
    """An unknown status, or 'temporarily closed' without the end date in alert: refused, nothing written."""
    make_service("Buurthuis De Poort", gemeente="Meppel")
    export(runner, folder)
    empty_the_kaart()
    services = rows(folder, "services.csv")
    services[0]["status"] = status
    write(folder, "services.csv", services)
    result = run_import(runner, folder)
    assert result.exit_code == 1 and "services.csv regel 2" in result.output and message in result.output
    assert services_count() == 0


def test_a_likely_duplicate_is_reported_not_added(app, runner, folder):
    make_service("Geldloket Meppel", gemeente="Meppel")
    export(runner, folder)
    services = rows(folder, "services.csv")
    old_id = services[0]["id"]
    for name in ("services.csv", "service_areas.csv", "service_at_location.csv", "schedules.csv"):
        table = rows(folder, name)
        if table:
            for row in table:
                for key in ("id", "service_id"):
                    if row.get(key) == old_id:
                        row[key] = "7d0c3a52-1b7e-4f7a-9a4e-0b9d2e6c1f11"
            write(folder, name, table)
    services = rows(folder, "services.csv")
    services[0]["name"] = "Geld-loket Meppel"
    write(folder, "services.csv", services)
    result = run_import(runner, folder)
    assert "mogelijk dubbel: lijkt op 'Geldloket Meppel'" in result.output and result.exit_code == 0
    assert services_count() == 1


def test_a_reimport_of_the_same_source_updates_instead_of_duplicating(app, runner, folder):
    service = make_service("Buurthuis", gemeente="Meppel", point=(52.6956, 6.1937))
    export(runner, folder)
    again = run_import(runner, folder)
    assert "services.csv regel 2 (%s): ongewijzigd" % service.id in again.output
    services = rows(folder, "services.csv")
    services[0]["name"], services[0]["url"] = "Buurthuis De Kamp", "https://example.org/kamp"
    write(folder, "services.csv", services)
    result = run_import(runner, folder)
    assert result.exit_code == 0 and f"({service.id}): bijgewerkt" in result.output
    db.session.expire_all()
    assert services_count() == 1
    assert (service.name, service.website) == ("Buurthuis De Kamp", "https://example.org/kamp")
    logged = db.session.scalars(select(AuditEntry).where(AuditEntry.service_id == service.id)).all()
    assert [(entry.actor, entry.action, sorted(change["field"] for change in entry.changes)) for entry in logged] == [
        ("HSDS-import pakket", "gewijzigd", ["name", "website"])]  # the unchanged re-import logged nothing


def test_proef_reports_and_keeps_nothing(app, runner, folder):
    make_service("Buurthuis", gemeente="Meppel")
    export(runner, folder)
    empty_the_kaart()
    result = run_import(runner, folder, "--proef")
    assert result.exit_code == 0 and "toegevoegd" in result.output and "Proef, niets bewaard" in result.output
    assert services_count() == 0


def test_a_folder_without_a_package_imports_nothing(app, runner, folder):
    folder.mkdir()
    result = run_import(runner, folder)
    assert result.exit_code == 0 and "niets" in result.output


def test_a_package_from_another_source_is_read_with_its_own_file_names(app, runner, folder):
    """Another system's package: its own file names in datapackage.json, no locations, a schedule for two days,
    and two rows that are likely the same voorziening (the second is reported, not added)."""
    folder.mkdir()
    ids = {name: f"0b6f1a2c-3d4e-4f50-8a6b-7c8d9e0f1a{number:02d}" for number, name in enumerate(
        ("taal", "taal2", "area", "area2", "phone", "slot", "org"))}
    write(folder, "orgs.csv", [{"id": ids["org"], "name": "Stichting Taal", "description": ""}])
    write(folder, "diensten.csv", [
        {"id": ids["taal"], "organization_id": ids["org"], "name": "Taalhuis Meppel", "status": "active",
         "description": "Hulp bij lezen en schrijven.\n\nElke week.", "application_process": "Vrije inloop"},
        {"id": ids["taal2"], "organization_id": ids["org"], "name": "Taal-huis Meppel", "status": "active",
         "description": "", "application_process": ""}])
    write(folder, "gebieden.csv", [{"id": ids["area"], "service_id": ids["taal"], "name": "Meppel"},
                                   {"id": ids["area2"], "service_id": ids["taal2"], "name": "Meppel"}])
    write(folder, "telefoons.csv", [{"id": ids["phone"], "service_id": ids["taal"], "number": "0522 111111"}])
    write(folder, "tijden.csv", [{"id": ids["slot"], "service_id": ids["taal"], "freq": "WEEKLY", "byday": "MO,WE",
                                  "opens_at": "09:00", "closes_at": "12:00"}])
    resources = [{"name": name, "path": path} for name, path in (
        ("organization", "orgs.csv"), ("service", "diensten.csv"), ("service_area", "gebieden.csv"),
        ("phone", "telefoons.csv"), ("schedule", "tijden.csv"))]
    (folder / "datapackage.json").write_text(json.dumps({"name": "elders", "resources": resources}))
    result = run_import(runner, folder)
    assert result.exit_code == 0, result.output
    assert f"({ids['taal']}): toegevoegd" in result.output
    assert f"({ids['taal2']}): mogelijk dubbel: lijkt op 'Taalhuis Meppel'" in result.output
    service = db.session.get(Service, ids["taal"])
    assert (service.gemeente, service.summary, service.description) == ("Meppel", "Hulp bij lezen en schrijven.",
                                                                        "Elke week.")
    assert (service.phone, service.access_route, service.organization.name) == ("0522 111111", "vrij-inloop",
                                                                                "Stichting Taal")
    assert [(slot.weekday, slot.opens.isoformat("minutes")) for slot in service.schedules] == [(0, "09:00"),
                                                                                               (2, "09:00")]
    assert [area.name for area in service.areas] == ["Meppel"] and services_count() == 1
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.service_id == service.id)).one()
    assert (entry.actor, entry.action) == ("HSDS-import pakket", "geimporteerd")
