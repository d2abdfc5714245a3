"""Reading an HSDS tabular data package: each CSV row typed and checked against its HSDS schema, with its line."""
import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from webapp.opendata import schema_files
from webapp.opendata.tabular import TABLES, table


@dataclass
class Row:
    table: str
    file: str
    line: int  # the line in the CSV file (the header is line 1)
    values: dict
    problems: list = field(default_factory=list)

    @property
    def id(self):
        return self.values.get("id")

    def get(self, key, default=None):
        return self.values.get(key, default)


def read_package(folder):
    """{table: [Row]} for every table the kaart reads; a missing file is an empty table.

    The paths come from datapackage.json when it names the resource, else HSDS's own file names.
    """
    folder = Path(folder)
    paths = _resource_paths(folder)
    found = {}
    for name in TABLES:
        spec = table(name)
        path = folder / paths.get(name, spec["path"])
        found[name] = list(_rows(name, spec, path, path.name)) if path.is_file() else []
    return found


def _resource_paths(folder):
    described = folder / "datapackage.json"
    if not described.is_file():
        return {}
    try:
        resources = json.loads(described.read_text(encoding="utf-8")).get("resources", [])
    except (ValueError, AttributeError):
        return {}
    return {item["name"]: item["path"] for item in resources
            if isinstance(item, dict) and isinstance(item.get("name"), str) and isinstance(item.get("path"), str)
            and ".." not in Path(item["path"]).parts}


def _rows(name, spec, path, file):
    types = {column: kind for column, kind, _dp in spec["fields"]}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for line, raw in enumerate(csv.DictReader(handle), start=2):
            yield _typed(name, spec, file, line, raw, types)


def _typed(name, spec, file, line, raw, types):
    """An empty cell is no value, except in a column the schema requires (state_province "" is an answer)."""
    values, problems = {}, []
    required = set(schema_files.load(spec["schema"]).get("required", ()))
    for column, text in raw.items():
        if column not in types or text is None:
            continue
        if text.strip() == "" and not (column in required and types[column] == "string"):
            continue
        if types[column] == "number":
            try:
                values[column] = float(text)
            except ValueError:
                problems.append(f"{column}: '{text}' is geen getal")
        else:
            values[column] = text.strip()
    problems += schema_files.errors(spec["schema"], values)
    return Row(name, file, line, values, problems)
