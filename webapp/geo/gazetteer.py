"""The shipped open data (data/geo) as lookup tables, read once per process on first use."""
import csv
import gc
import json
from collections import Counter, defaultdict, namedtuple
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from webapp.geo.entry import far_apart, make_entry
from webapp.geo.precision import ADRES, GEMEENTE, POSTCODE, STRAAT, WOONPLAATS
from webapp.geo.text import House, key, pretty_pc6

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "geo"
DRENTHE = "drenthe"
PROVINCES_NL = {"North Brabant": "Noord-Brabant", "North Holland": "Noord-Holland", "South Holland": "Zuid-Holland"}


@dataclass
class Gazetteer:
    addresses: dict  # (street key, House) -> [Entry], gemeente Meppel only
    postcode_addresses: dict  # ("7941ab", House) -> [Entry]
    streets: dict  # street key -> [Entry], Drenthe
    pc6: dict  # "7941ab" -> [Entry], Drenthe
    pc4: dict  # "7941" -> Entry, the Netherlands
    woonplaatsen: dict  # key -> [Entry], Drenthe
    places: dict  # key -> [Entry], places of 1000+ inhabitants outside the Drenthe data
    gemeenten: dict  # key -> Entry


@cache
def get_gazetteer():
    gc.disable()  # ~100k new tuples would otherwise set off full collections: half the load time
    try:
        return load(DATA_DIR)
    finally:
        gc.enable()


def load(folder):
    gemeenten = _gemeenten(_rows(folder / "gemeenten.csv"))
    woonplaatsen = _rows(folder / "drenthe_woonplaatsen.csv")
    shown = _woonplaats_names(woonplaatsen)
    pc6, pc4_places = _pc6(_rows(folder / "drenthe_pc6.csv"), shown)
    addresses, postcode_addresses = _addresses(_rows(folder / "meppel_adressen.csv"), shown)
    with open(folder / "pc4_centroids.json", encoding="utf-8") as file:
        pc4 = _pc4(json.load(file), pc4_places)
    return Gazetteer(
        addresses=addresses,
        postcode_addresses=postcode_addresses,
        streets=_streets(_rows(folder / "drenthe_straten.csv"), shown),
        pc6=pc6,
        pc4=pc4,
        woonplaatsen=_woonplaatsen(woonplaatsen, shown),
        places=_places(_rows(folder / "places_nl.csv"), gemeenten, shown),
        gemeenten=gemeenten,
    )


def _rows(path):
    with open(path, encoding="utf-8", newline="") as file:
        reader = csv.reader(file)
        row_type = namedtuple("Row", next(reader))
        return [row_type._make(values) for values in reader]


def _point(row):
    return float(row.lat), float(row.lon)


def _gemeenten(rows):
    return {
        key(row.gemeente): make_entry(
            GEMEENTE, f"gemeente {row.gemeente}", f"gemeente {row.gemeente}", row.hoofdplaats,
            row.hoofdplaats, row.gemeente, _point(row), source="gemeenten",
        )
        for row in rows
    }


def _woonplaats_names(rows):
    """(woonplaats, gemeente) -> the name we show: with the gemeente added when the name is not unique.

    Ten names occur in two gemeenten. Mostly one village cut by a gemeente border (Ruinen, Pesse: within 3 km);
    Alteveer and Eursinge are two different villages each (13 and 50 km apart).
    """
    groups = defaultdict(list)
    for row in rows:
        groups[key(row.woonplaats)].append(_point(row))
    shown = {}
    for row in rows:
        name, gemeente = row.woonplaats, row.gemeente
        shown[name, gemeente] = f"{name} ({gemeente})" if far_apart(groups[key(name)]) else name
    return shown


def _woonplaatsen(rows, shown):
    index = defaultdict(list)
    for row in rows:
        place = shown[row.woonplaats, row.gemeente]
        index[key(row.woonplaats)].append(make_entry(
            WOONPLAATS, row.woonplaats, place, place, row.woonplaats, row.gemeente, _point(row),
            row.addresses, "drenthe_woonplaatsen", [DRENTHE],
        ))
    return dict(index)


def _streets(rows, shown):
    index = defaultdict(list)
    for row in rows:
        place = shown.get((row.woonplaats, row.gemeente), row.woonplaats)
        index[key(row.straat)].append(make_entry(
            STRAAT, row.straat, f"{row.straat}, {place}", place, row.woonplaats, row.gemeente,
            _point(row), row.addresses, "drenthe_straten", [DRENTHE],
        ))
    return dict(index)


def _pc6(rows, shown):
    """The postcodes, and per PC4 the woonplaats that has most of its addresses."""
    index, pc4_sizes = defaultdict(list), Counter()
    for row in rows:
        code, woonplaats, gemeente = row.postcode.lower(), row.woonplaats, row.gemeente
        place = shown.get((woonplaats, gemeente), woonplaats)
        index[code].append(make_entry(
            POSTCODE, pretty_pc6(code), f"{pretty_pc6(code)} {place}", place, woonplaats, gemeente, _point(row),
            row.addresses, "drenthe_pc6", [DRENTHE],
        ))
        pc4_sizes[code[:4], place, woonplaats, gemeente] += int(row.addresses)
    pc4_places = {}
    for (pc4, *names), _size in sorted(pc4_sizes.items(), key=lambda item: item[1]):
        pc4_places[pc4] = names  # the largest comes last and wins
    return dict(index), pc4_places


def _pc4(centroids, pc4_places):
    index = {}
    for code, point in centroids.items():
        place, woonplaats, gemeente = pc4_places.get(code, (None, None, None))
        index[code] = make_entry(
            POSTCODE, f"postcode {code}", f"postcode {code}", place, woonplaats, gemeente, point,
            source="pc4_centroids",
        )
    return index


def _addresses(rows, shown):
    by_street, by_postcode = defaultdict(list), defaultdict(list)
    for row in rows:
        house = House(row.huisnummer, row.huisletter.lower(), key(row.toevoeging))
        number = row.huisnummer + row.huisletter + (f"-{row.toevoeging}" if row.toevoeging else "")
        place = shown.get((row.woonplaats, "Meppel"), row.woonplaats)
        entry = make_entry(
            ADRES, f"{row.straat} {number}", f"{row.straat} {number}, {place}", place, row.woonplaats,
            "Meppel", _point(row), source="meppel_adressen", regions=[DRENTHE],
        )
        by_street[key(row.straat), house].append(entry)
        by_postcode[row.postcode.lower(), house].append(entry)
    return dict(by_street), dict(by_postcode)


def _places(rows, gemeenten, shown):
    """Places outside the Drenthe data; Drenthe's own rows are left out, its BAG woonplaatsen are more exact."""
    drenthe = {key(name) for name, _gemeente in shown}
    rows = [row for row in rows if not (row.province == "Drenthe" and key(row.name) in drenthe)]
    groups = defaultdict(list)
    for row in rows:
        groups[key(row.name)].append(row)
    index = defaultdict(list)
    for row in rows:
        group = groups[key(row.name)]
        place = _place_name(row, group, key(row.name) in drenthe)
        province = PROVINCES_NL.get(row.province, row.province)
        index[key(row.name)].append(make_entry(
            WOONPLAATS, row.name, place, place, row.name, _gemeente_of(row, gemeenten), _point(row),
            source="places_nl", regions=[key(row.province), key(province), key(row.municipality)],
        ))
    return dict(index)


def _place_name(row, group, also_in_drenthe):
    if not also_in_drenthe and not far_apart([_point(other) for other in group]):
        return row.name
    provinces = Counter(other.province for other in group)
    if provinces[row.province] == 1:
        return f"{row.name} ({PROVINCES_NL.get(row.province, row.province)})"
    return f"{row.name} ({row.municipality})"


def _gemeente_of(row, gemeenten):
    """Only a gemeente we know to be current: GeoNames still names some merged ones (Bussum, Naarden)."""
    for entry in gemeenten.values():
        if key(entry.woonplaats) == key(row.name):
            return entry.gemeente
    known = gemeenten.get(key(row.municipality))
    return known.gemeente if known else None
