"""The HSDS 3.0 schemas shipped in schemas/, resolved offline: validators for items and list items."""
import functools
import json
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

FOLDER = Path(__file__).resolve().parent / "schemas"
BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"


def load(name):
    """A schema file by its name relative to schemas/, e.g. "service.json" or "compiled/tabular.json"."""
    return json.loads((FOLDER / name).read_text(encoding="utf-8"))


@functools.cache
def _registry():
    resources = []
    for path in sorted(FOLDER.rglob("*.json")):
        name = path.relative_to(FOLDER).as_posix()
        resources.append((BASE + name, Resource.from_contents(load(name), default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


@functools.cache
def validator(name):
    """A validator for one schema file (refs such as "phone.json" resolve beside it)."""
    schema = {"$ref": BASE + name}
    return Draft202012Validator(schema, registry=_registry(), format_checker=FormatChecker())


def errors(name, instance):
    """Readable problems of `instance` against the schema `name`; [] when it validates."""
    found = sorted(validator(name).iter_errors(instance), key=lambda error: list(error.absolute_path))
    return [f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}" for error in found]
