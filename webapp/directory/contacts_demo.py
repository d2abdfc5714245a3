"""Load the gemeenten's ways in (data/gemeente_contacts.yaml): phone and website, each with its source.

Idempotent like the voorzieningen: a row is written again only while nobody changed it since it was loaded.
Address and opening hours are never in the file, so they stay unknown until a beheerder fills them in.
"""
import hashlib
import json
from pathlib import Path

import yaml

from webapp.database import write_block
from webapp.directory.gemeente_contacts import GemeenteContact, contact_for, snapshot
from webapp.extensions import db

CONTACTS_FILE = Path(__file__).resolve().parents[2] / "data" / "gemeente_contacts.yaml"
FIELDS = ("name", "phone", "phone_source", "website", "website_source")


def load_gemeente_contacts(path=CONTACTS_FILE):
    """Create or refresh every gemeente's way in; returns (loaded, skipped as changed by a beheerder)."""
    entries = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    loaded = skipped = 0
    with write_block():
        for entry in entries:
            contact = contact_for(entry["gemeente"])
            if contact is not None and contact.demo_fingerprint != fingerprint(contact):
                skipped += 1
                continue
            if contact is None:
                contact = GemeenteContact(gemeente=entry["gemeente"])
                db.session.add(contact)
            for name in FIELDS:
                setattr(contact, name, entry.get(name))
            contact.demo_fingerprint = fingerprint(contact)
            loaded += 1
    return loaded, skipped


def fingerprint(contact):
    state = snapshot(contact)
    if state["liberation_day_every_year"] == "nee":
        del state["liberation_day_every_year"]  # came later: its default keeps the fingerprints made before it valid
    return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()
