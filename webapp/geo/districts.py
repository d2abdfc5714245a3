"""Wijken and buurten: a gemeente's own names for sets of PC6 postcodes, entered by its beheerders.

No boundaries are shipped or guessed: until a gemeente loads its own, a wijk name is simply unknown. A wijk's
point (for a search "in Haveltermade") is the mean of its postcodes' points in the gazetteer.
"""
import csv
import io
import re
from collections import defaultdict

from flask import has_app_context
from flask_babel import gettext as _
from sqlalchemy import select

from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.geo.distance import distance_km
from webapp.geo.errors import name_of_many_places
from webapp.geo.gazetteer import get_gazetteer
from webapp.geo.location import PlacedLocation
from webapp.geo.models import District, DistrictPostcode
from webapp.geo.precision import POSTCODE
from webapp.geo.text import key, pretty_pc6

KINDS = ("wijk", "buurt")
PC6 = re.compile(r"([1-9][0-9]{3}) ?([A-Z]{2})")
MAX_POSTCODES = 5000  # per wijk; a large wijk has a few hundred
MAX_DISTRICTS = 500  # per file
NEAREST_KM = 0.5  # the dashboard counts a post in the wijk of its nearest postcode, when that is this close


def districts_of(gemeenten):
    return db.session.scalars(select(District).where(District.gemeente.in_(list(gemeenten)))
                              .order_by(District.gemeente, District.kind, District.name)).all()


def parse_postcodes(text, field="postcodes"):
    """['7941AB', ...] from text with PC6 postcodes separated by spaces, commas, semicolons or new lines."""
    words = re.split(r"[\s,;]+", (text or "").upper().strip())
    found, wrong = [], []
    for word in re.findall(r"[1-9][0-9]{3} ?[A-Z]{2}|\S+", " ".join(words)):
        match = PC6.fullmatch(word)
        (found.append(match[1] + match[2]) if match else wrong.append(word))
    if wrong:
        raise RuleViolation([(field, _("Dit zijn geen postcodes zoals 7941 AB: %(words)s",
                                      words=", ".join(wrong[:10])[:200]))])
    if not found:
        raise RuleViolation([(field, _("Vul de postcodes van de wijk in, zoals 7941 AB."))])
    if len(found) > MAX_POSTCODES:
        raise RuleViolation([(field, _("Meer dan %(max)d postcodes in één wijk kan niet.", max=MAX_POSTCODES))])
    return sorted(set(found))


def save_district(gemeente, name, kind, postcodes):
    """Make the wijk, or replace the postcodes of the one with this name; RuleViolation for what cannot be."""
    _check(gemeente, name, kind, postcodes)
    district = _by_name(gemeente, name) or District(gemeente=gemeente, name_key=key(name))
    district.name, district.kind = name.strip(), kind
    district.postcodes = [DistrictPostcode(postcode=code) for code in postcodes]
    db.session.add(district)
    db.session.commit()
    return district


def import_districts(gemeente, text):
    """Every wijk of a CSV (columns naam, postcode and optionally soort: one row per postcode), all or nothing.

    A wijk in the file replaces the one with that name; wijken not in the file stay. Returns the number saved."""
    groups = _groups(text)
    for (name, kind), postcodes in groups.items():
        try:
            _check(gemeente, name, kind, postcodes, others_in=groups)
        except RuleViolation as violation:
            raise RuleViolation([("bestand", f"{name}: {message}") for _field, message in violation.reasons])
    for (name, kind), postcodes in groups.items():
        district = _by_name(gemeente, name) or District(gemeente=gemeente, name_key=key(name))
        district.name, district.kind = name, kind
        district.postcodes = [DistrictPostcode(postcode=code) for code in postcodes]
        db.session.add(district)
    db.session.commit()
    return len(groups)


def delete_district(district):
    db.session.delete(district)
    db.session.commit()


def find_district(text, gemeente=None):
    """The PlacedLocation of the wijk the text names ("Haveltermade", "wijk Haveltermade", "Haveltermade,
    Meppel"), None when no wijk has that name; AmbiguousPlace when wijken of several gemeenten do."""
    name, _comma, qualifier = (text or "")[:200].partition(",")
    name_key = key(re.sub(r"^\s*(wijk|buurt)\s+", "", name, flags=re.I))
    if not name_key or name_key[0].isdigit() or not has_app_context():
        return None  # a postcode; or the gazetteer used on its own, without a database (data checks)
    scopes = {key(value) for value in (gemeente, qualifier) if value and key(value)}
    districts = db.session.scalars(select(District).where(District.name_key == name_key)
                                   .order_by(District.gemeente)).all()
    found = [place for place in map(district_place, districts) if place and scopes <= {key(place.gemeente)}]
    if len(found) > 1:
        raise name_of_many_places(name.strip(), [place.label for place in found], found)
    return found[0] if found else None


def district_place(district):
    """The wijk as a place: the mean point of its postcodes the gazetteer knows (PC6, else its PC4)."""
    points = [point for point in map(postcode_point, (row.postcode for row in district.postcodes)) if point]
    if not points:
        return None
    centre = (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
    label = f"{district.kind} {district.name} ({district.gemeente})"
    return PlacedLocation(label, centre, {}, precision=POSTCODE, gemeente=district.gemeente)


def postcode_point(postcode):
    gazetteer = get_gazetteer()
    entries = gazetteer.pc6.get(postcode.lower())
    if entries:
        return (entries[0].lat, entries[0].lon)
    entry = gazetteer.pc4.get(postcode[:4])
    return (entry.lat, entry.lon) if entry else None


def district_names_for(gemeente, points, kind="wijk"):
    """For each (lat, lon): the name of the gemeente's wijk with the nearest postcode within NEAREST_KM, or None."""
    anchors = [(name, point) for name, codes in _postcodes_by_name(gemeente, kind).items()
               for point in filter(None, map(postcode_point, codes))]
    names = []
    for point in points:
        nearest = min(((distance_km(point, anchor), name) for name, anchor in anchors), default=None)
        names.append(nearest[1] if nearest and nearest[0] <= NEAREST_KM else None)
    return names


def _postcodes_by_name(gemeente, kind):
    rows = db.session.execute(select(District.name, DistrictPostcode.postcode).join(District.postcodes)
                              .where(District.gemeente == gemeente, District.kind == kind))
    found = defaultdict(list)
    for name, code in rows:
        found[name].append(code)
    return found


def _by_name(gemeente, name):
    return db.session.scalar(select(District).where(District.gemeente == gemeente,
                                                    District.name_key == key(name or "")))


def _check(gemeente, name, kind, postcodes, others_in=None):
    name = (name or "").strip()
    if not key(name) or len(name) > 100:
        raise RuleViolation([("name", _("Vul de naam van de wijk in (hoogstens 100 tekens)."))])
    if kind not in KINDS:
        raise RuleViolation([("kind", _("Kies wijk of buurt."))])
    unknown = [pretty_pc6(code) for code in postcodes if postcode_point(code) is None]
    if unknown:
        raise RuleViolation([("postcodes", _("Deze postcodes kennen we niet: %(codes)s",
                                             codes=", ".join(unknown[:10])))])
    taken = _taken(gemeente, name, kind, postcodes, others_in or {})
    if taken:
        codes = ", ".join(taken[:10])
        raise RuleViolation([("postcodes", _("Deze postcodes horen al bij een andere wijk: %(codes)s", codes=codes)
                              if kind == "wijk" else _("Deze postcodes horen al bij een andere buurt: %(codes)s",
                                                       codes=codes))])


def _taken(gemeente, name, kind, postcodes, others_in):
    """Postcodes that are already in another wijk (or buurt) of this gemeente, or in another one of the file."""
    wanted = set(postcodes)
    stored = db.session.execute(
        select(District.name_key, DistrictPostcode.postcode).join(District.postcodes)
        .where(District.gemeente == gemeente, District.kind == kind, DistrictPostcode.postcode.in_(wanted))).all()
    taken = {code for name_key, code in stored if name_key != key(name) and name_key not in
             {key(other) for other, _kind in others_in}}
    for (other, other_kind), codes in others_in.items():
        if other_kind == kind and key(other) != key(name):
            taken |= wanted & set(codes)
    return sorted(pretty_pc6(code) for code in taken)


def _groups(text):
    """{(name, kind): [postcode]} from the CSV text; RuleViolation (field "bestand") when it cannot be read."""
    rows = _csv_rows(text)
    groups = defaultdict(list)
    for number, row in rows:
        name, kind = (row.get("naam") or "").strip(), (row.get("soort") or "wijk").strip().casefold()
        try:
            codes = parse_postcodes(row.get("postcode") or row.get("postcodes"), field="bestand")
        except RuleViolation as violation:
            raise RuleViolation([("bestand", _("Rij %(row)d: %(message)s", row=number, message=message))
                                 for _field, message in violation.reasons])
        groups[(name, kind)].extend(codes)
    if len(groups) > MAX_DISTRICTS:
        raise RuleViolation([("bestand", _("Meer dan %(max)d wijken in één bestand kan niet.", max=MAX_DISTRICTS))])
    return {group: sorted(set(codes)) for group, codes in groups.items()}


def _csv_rows(text):
    text = (text or "").lstrip("\ufeff")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first.count)
    try:
        records = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:
        records = None
    headers = {(name or "").strip().casefold() for name in (records[0].keys() if records else ())}
    if not records or "naam" not in headers or not headers & {"postcode", "postcodes"}:
        raise RuleViolation([("bestand", _("Het bestand moet de kolommen 'naam' en 'postcode' hebben, met één rij "
                                           "per postcode (en eventueel 'soort': wijk of buurt)."))])
    return [(number, {(k or "").strip().casefold(): (v if isinstance(v, str) else "") for k, v in row.items()})
            for number, row in enumerate(records, start=2)]
