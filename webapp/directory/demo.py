"""Load the 128 demo voorzieningen (data/voorzieningen.yaml), compiled from municipal policy documents.

Idempotent: an entry is written again only while nobody changed it since it was loaded (its content still
matches the fingerprint stored at load time), so a beheerder's correction is never overwritten.
"""
import hashlib
import json
from collections import Counter
from pathlib import Path

import yaml
from sqlalchemy import select

from webapp.database import write_block
from webapp.directory.audit import snapshot
from webapp.directory.models import (Location, Organization, Service, ServiceArea, ServiceAtLocation, TargetGroup,
                                     Theme)
from webapp.directory.vocab import UNKNOWN, YES
from webapp.directory.placement import place
from webapp.extensions import db
from webapp.text import slugify

DEMO_FILE = Path(__file__).resolve().parents[2] / "data" / "voorzieningen.yaml"
NO_POINT = "geen punt"

# The policy documents the entries come from (data/voorzieningen.yaml, header).
SOURCES = {
    "000_088f9b2dfbb1ca26.txt": ("Notitie preventie en sociale basis, gemeente Meppel", 2025),
    "003_754b25f96de5c4ef.txt": ("Verslag werkbezoek Welzijn MensenWerk, gemeente Meppel", 2017),
    "001_bc335f9313daaadf.txt": ("Nota sociaal domein, gemeente Tynaarlo", 2018),
    "002_68ddf05025c39fd5.txt": ("Beleidsplan Sociaal Domein 2017-2020, gemeente Steenwijkerland", 2016),
    "004_f8533b60fafbaa7d.txt": ("Beleidsplan Sociaal Domein 2022, gemeente Gooise Meren", 2021),
}


def load_demo(path=DEMO_FILE):
    """Create or refresh every demo entry; returns (Counter of precision, number skipped as changed)."""
    entries = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    with write_block():
        themes = {theme.slug: theme for theme in db.session.scalars(select(Theme))}
        precisions, skipped = Counter(), 0
        for entry in entries:
            service = db.session.scalar(select(Service).where(Service.slug == slugify(entry["name"])))
            if service is not None and service.demo_fingerprint != fingerprint(service):
                skipped += 1
                continue
            service = _write_entry(entry, service, themes)
            precisions[service.location.precision if service.location else NO_POINT] += 1
    return precisions, skipped


def _write_entry(entry, service, themes):
    if service is None:
        service = Service(slug=slugify(entry["name"]))
        db.session.add(service)
    seed = entry["source"]["seed"]
    document, year = SOURCES.get(seed, (seed, None))
    service.name = entry["name"]
    service.gemeente = entry["gemeente"]
    service.summary = entry.get("summary", "")
    service.description = entry.get("description", "")
    service.access_route = entry.get("access", UNKNOWN)
    service.layer = entry.get("layer")
    # The documents only say when volunteers ARE involved; silence is not a "no".
    service.volunteers = YES if entry.get("volunteers") else UNKNOWN
    service.source_document, service.source_year = document, year
    service.source_lines = entry["source"]["lines"]
    service.organization = _organization(entry.get("organisation"))
    service.themes = [themes[slug] for slug in entry.get("themes", []) if slug in themes]
    if [area.name for area in service.areas] != [entry["gemeente"]]:
        service.areas = [ServiceArea(name=entry["gemeente"])]  # the documents only say whose policy it is
    service.target_groups = [_target_group(name) for name in entry.get("target_groups", [])]
    _place(service, entry)
    db.session.flush()
    service.demo_fingerprint = fingerprint(service)
    return service


def _place(service, entry):
    location = service.location
    if location is None:
        location = Location()
        service.locations.append(ServiceAtLocation(location=location))
    location.name = entry.get("location")
    location.woonplaats = entry.get("woonplaats")
    location.gemeente = entry["gemeente"]
    found = place(entry["gemeente"], woonplaats=entry.get("woonplaats"), location_name=entry.get("location"))
    location.latitude = found.latitude if found else None
    location.longitude = found.longitude if found else None
    location.precision = found.precision if found else None


LATER_FIELDS = {"open_on_holidays": "nee", "closed_until": None, "closed_note": None, "notice": None,
                "notice_until": None, "remote_only": "nee"}


def fingerprint(service):
    """The content as `demo load` left it: any later change by a beheerder makes it differ."""
    state = snapshot(service)
    if state["service_area"] == service.gemeente:
        del state["service_area"]  # came later: the default werkgebied keeps the fingerprints made before it valid
    for name, default in LATER_FIELDS.items():
        if state[name] == default:
            del state[name]  # the same for every field added after the first fingerprints
    return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()


def _organization(name):
    if not name:
        return None
    return db.session.scalar(select(Organization).where(Organization.name == name)) or Organization(name=name)


def _target_group(name):
    return db.session.scalar(select(TargetGroup).where(TargetGroup.name == name)) or TargetGroup(name=name)
