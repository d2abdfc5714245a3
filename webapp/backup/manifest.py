"""manifest.json of a backup folder: what was copied, from which schema, how many rows, and the file's checksum."""
import hashlib
import json
from pathlib import Path

MANIFEST = "manifest.json"
FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, in Dutch, for the operator."""


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write(folder, **fields):
    """Written last, after the database file: a folder with a manifest is a complete backup."""
    path = Path(folder) / MANIFEST
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"format": FORMAT, **fields}, indent=2, sort_keys=True) + "\n")
    tmp.replace(path)
    return path


def read(folder):
    """The manifest of a complete backup whose file matches its checksum; BackupError otherwise."""
    path = Path(folder) / MANIFEST
    if not path.exists():
        raise BackupError(f"Geen volledige back-up in {folder}: manifest.json ontbreekt.")
    manifest = json.loads(path.read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Onbekend back-upformaat {manifest.get('format')!r} in {path}.")
    data = Path(folder) / manifest["file"]
    if not data.exists() or sha256_of(data) != manifest["sha256"]:
        raise BackupError(f"{data} ontbreekt of is beschadigd: de controlesom klopt niet met manifest.json.")
    return manifest


def differences(expected, found):
    """Tables whose row counts differ, as 'table: expected → found'."""
    return [f"{table}: {expected.get(table)} → {found.get(table)}"
            for table in sorted(set(expected) | set(found)) if expected.get(table) != found.get(table)]
