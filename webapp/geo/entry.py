"""One row of the shipped data as the geocoder uses it, and how rows of one place become one point."""
import math
from typing import NamedTuple

from webapp.geo.location import PlacedLocation
from webapp.geo.text import key

MERGE_KM = 5.0  # rows with one name closer than this are one place cut by a border (Ruinen: 2.3 km)


class Entry(NamedTuple):
    precision: str
    name: str  # "Zuideinde 1", "7941 AB", "Zuideinde", "Nijeveen", "gemeente Tynaarlo"
    label: str  # "Zuideinde 1, Meppel", "7941 AB Meppel", "Zuideinde, Meppel", "Nijeveen"
    place: str | None  # its woonplaats as shown, told apart when two differ: "Alteveer (De Wolden)"
    woonplaats: str | None
    gemeente: str | None
    lat: float
    lon: float
    weight: int  # addresses in it: the parts of one place count by their size
    source: str
    regions: tuple  # keys of the province / municipality a qualifier may name
    woonplaats_key: str
    gemeente_key: str


def make_entry(precision, name, label, place, woonplaats, gemeente, point, weight=1, source="", regions=()):
    return Entry(
        precision, name, label, place, woonplaats, gemeente, float(point[0]), float(point[1]), int(weight or 1),
        source, tuple(regions), key(woonplaats or ""), key(gemeente or ""),
    )


def rough_km(a, b):
    """Flat-earth km between (lat, lon) points, good to a few percent in the Netherlands: only for MERGE_KM."""
    dlat = (a[0] - b[0]) * 111.2
    dlon = (a[1] - b[1]) * 111.2 * math.cos(math.radians((a[0] + b[0]) / 2))
    return math.hypot(dlat, dlon)


def far_apart(points):
    return any(rough_km(a, b) > MERGE_KM for a in points for b in points)


def merge(entries):
    """One entry at the address-weighted centre of all parts, named after the largest part."""
    if len(entries) == 1:
        return entries[0]
    total = sum(entry.weight for entry in entries)
    lat = sum(entry.lat * entry.weight for entry in entries) / total
    lon = sum(entry.lon * entry.weight for entry in entries) / total
    return max(entries, key=lambda entry: entry.weight)._replace(lat=lat, lon=lon, weight=total)


def by_place(entries):
    """The entries grouped by the woonplaats they lie in, largest first."""
    groups = {}
    for entry in entries:
        groups.setdefault(entry.place, []).append(entry)
    return sorted(groups.values(), key=lambda group: -sum(entry.weight for entry in group))


def to_location(entry):
    raw = {
        "source": entry.source, "name": entry.name, "woonplaats": entry.woonplaats, "gemeente": entry.gemeente,
        "addresses": entry.weight,
    }
    return PlacedLocation(
        entry.label, (entry.lat, entry.lon), raw,
        precision=entry.precision, woonplaats=entry.woonplaats, gemeente=entry.gemeente,
    )
