"""The HSDS tabular data package: which tables the kaart fills, their columns (from compiled/tabular.json), and
the rows of the export, flattened from the same nested answers the API gives."""
import csv
import json
from pathlib import Path

from sqlalchemy import select

from webapp.directory.models import Organization, Service
from webapp.extensions import db
from webapp.opendata import schema_files, taxonomy
from webapp.opendata.hsds_service import organization_summary, service_full

# The tables the kaart fills, in the order they are written and read (parents first).
TABLES = ("organization", "service", "location", "service_at_location", "address", "accessibility", "phone",
          "schedule", "service_area", "language", "cost_option", "taxonomy", "taxonomy_term", "attribute")
# Where a nested answer keeps the rows of another table.
NESTED = {"organization": "organization", "phones": "phone", "schedules": "schedule", "service_areas": "service_area",
          "service_at_locations": "service_at_location", "location": "location", "addresses": "address",
          "accessibility": "accessibility", "languages": "language", "cost_options": "cost_option",
          "attributes": "attribute", "taxonomy_term": "taxonomy_term"}
PACKAGE_NAME = "buurtkaart-hsds"


def table(name):
    """{"path": "services.csv", "fields": [(column, type, datapackage type)], "schema": "service.json"}."""
    item = schema_files.load("compiled/tabular.json")["properties"][name]["items"]
    fields = [(column, spec["type"], spec.get("datapackage_type"))
              for column, spec in item["properties"].items() if spec.get("type") in ("string", "number")]
    return {"path": item["path"], "fields": fields, "schema": f"{name}.json"}


def export_rows():
    """{table: [row dict]} of every organisation and voorziening (archived ones as inactive) and the themes."""
    rows = {name: {} for name in TABLES}
    for organization in db.session.scalars(select(Organization).order_by(Organization.name, Organization.id)):
        _collect("organization", organization_summary(organization), rows)
    for service in db.session.scalars(select(Service).order_by(Service.name, Service.id)):
        _collect("service", service_full(service), rows)
    _collect("taxonomy", taxonomy.taxonomy(), rows)
    for term in taxonomy.terms():
        _collect("taxonomy_term", term, rows)
    return {name: list(found.values()) for name, found in rows.items()}


def _collect(name, item, rows):
    flat = {}
    for key, value in item.items():
        nested = NESTED.get(key)
        if nested and isinstance(value, list):
            for child in value:
                _collect(nested, child, rows)
        elif nested and isinstance(value, dict):
            _collect(nested, value, rows)
        elif not isinstance(value, (list, dict)):
            flat[key] = value
    rows[name].setdefault(flat["id"], flat)


def write_package(folder, licence_name, licence_url):
    """The CSV files and datapackage.json in `folder` (made when missing); returns {path: number of rows}."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    counts, resources = {}, []
    for name, rows in export_rows().items():
        spec = table(name)
        with open(folder / spec["path"], "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([column for column, _type, _dp in spec["fields"]])
            for row in sorted(rows, key=lambda row: row["id"]):
                writer.writerow([_cell(row.get(column)) for column, _type, _dp in spec["fields"]])
        counts[spec["path"]] = len(rows)
        resources.append(_resource(name, spec))
    package = {"name": PACKAGE_NAME, "profile": "tabular-data-package",
               "title": "Buurtkaart: de sociale kaart als Open Referral HSDS 3.0",
               "licenses": [{"name": licence_name, "path": licence_url}], "resources": resources}
    (folder / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n",
                                             encoding="utf-8")
    return counts


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else repr(value)
    return str(value)


def _resource(name, spec):
    fields = [{"name": column, "type": dp or kind} for column, kind, dp in spec["fields"]]
    return {"name": name, "path": spec["path"], "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "schema": {"fields": fields, "primaryKey": "id"}}
