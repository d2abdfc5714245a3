"""Copy static/ into ASSETS_DIR: every file under its own name (CSS refers to images by relative paths) and under a
content-hashed name, text files also gzip- and brotli-compressed; manifest.json maps plain to hashed names."""
import gzip
import hashlib
import json
import shutil
from pathlib import Path

try:
    import brotli
except ImportError:  # optional: without it only .gz files are made
    brotli = None

SKIP_SUFFIXES = {".md", ".txt", ".json"}  # licences and notes: never linked from a page
SKIP_NAMES = {"LICENSE"}
COMPRESS = {".css", ".js", ".svg", ".html", ".xml"}
HASH_LENGTH = 12
DIST = "dist"


def build(static, output):
    """Write output/ (replacing it) from static/; returns the manifest {plain name: hashed name under static/}."""
    static, output = Path(static), Path(output)
    fresh = output.with_name(output.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    files = {}
    for source in sorted(static.rglob("*")):
        relative = source.relative_to(static)
        if not source.is_file() or _skipped(source, relative, static, output):
            continue
        data = source.read_bytes()
        hashed = relative.with_name(f"{relative.stem}.{hashlib.sha256(data).hexdigest()[:HASH_LENGTH]}{relative.suffix}")
        versions = _versions(source.suffix, data)
        for name in (relative, hashed):
            _write(fresh / name, versions)
        files[relative.as_posix()] = f"{DIST}/{hashed.as_posix()}"
    (fresh / "manifest.json").write_text(json.dumps({"files": files}, indent=1, sort_keys=True) + "\n")
    shutil.rmtree(output, ignore_errors=True)
    fresh.rename(output)
    return files


def _skipped(source, relative, static, output):
    inside_output = output.resolve() == source.resolve().parent or output.resolve() in source.resolve().parents
    return (inside_output or relative.parts[0] == DIST or source.suffix in SKIP_SUFFIXES
            or source.name in SKIP_NAMES)


def _versions(suffix, data):
    """{added suffix: bytes}: the file, and for text its gzip and brotli forms."""
    versions = {"": data}
    if suffix in COMPRESS:
        versions[".gz"] = gzip.compress(data, compresslevel=9, mtime=0)
        if brotli is not None:
            versions[".br"] = brotli.compress(data, quality=11)
    return versions


def _write(path, versions):
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix, data in versions.items():
        path.with_name(path.name + suffix).write_bytes(data)
