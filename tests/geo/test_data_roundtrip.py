"""Every shipped data file, sampled (200 rows, fixed seed): each row must come back at its own coordinates.

Where a name is not unique in the data the test says exactly which text is typed and what comes back:
- a woonplaats name in two gemeenten (Ruinen, Pesse ... within 3 km: one village cut by a border; Alteveer and
  Eursinge: two villages) is typed as "name, gemeente"; the bare name is tested in test_geocoder.py;
- a street in several woonplaatsen is typed as "straat, woonplaats"; where even that is not unique (the street
  runs through both parts of a split woonplaats) the gemeente is passed as well;
- a street, place or gemeente with the same name: the place wins, so such streets are typed with their woonplaats;
- places_nl: Drenthe's own rows are answered by the BAG woonplaats (its centre, not GeoNames' point); names that
  occur twice, or also in Drenthe (Steenbergen), are typed with their province, else their municipality.
"""
import csv
import json
import random
from collections import Counter, defaultdict

from webapp.geo import locate
from webapp.geo.gazetteer import DATA_DIR
from webapp.geo.precision import ADRES, GEMEENTE, POSTCODE, STRAAT, WOONPLAATS
from webapp.geo.text import key

SAMPLE_SIZE = 200
SEED = 20261125
EXACT = 1e-6  # the files give 6 decimals


def read(name):
    with open(DATA_DIR / name, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def sample(rows):
    return random.Random(SEED).sample(rows, min(SAMPLE_SIZE, len(rows)))


def point(row):
    return float(row["lat"]), float(row["lon"])


def weighted_centre(rows):
    total = sum(int(row["addresses"]) for row in rows)
    return (sum(point(row)[0] * int(row["addresses"]) for row in rows) / total,
            sum(point(row)[1] * int(row["addresses"]) for row in rows) / total)


def assert_found(text, expected, precision, gemeente=None, label_gemeente=None):
    """The text is placed at `expected`, and its label, typed back, gives the same point.

    The part of a village cut by a gemeente border is labelled with the village's name ("Spier"), which alone
    gives the whole village: typing the label back then needs the gemeente (label_gemeente).
    """
    place = locate(text, gemeente=gemeente)
    assert place.precision == precision, text
    assert abs(place.latitude - expected[0]) < EXACT and abs(place.longitude - expected[1]) < EXACT, text
    again = locate(place.label, gemeente=label_gemeente or gemeente)
    assert (again.latitude, again.longitude) == (place.latitude, place.longitude), place.label
    return place


def place_names():
    """Names a bare text is read as before a street: woonplaatsen, places and gemeenten."""
    names = {key(row["woonplaats"]) for row in read("drenthe_woonplaatsen.csv")}
    names |= {key(row["name"]) for row in read("places_nl.csv")}
    return names | {key(row["gemeente"]) for row in read("gemeenten.csv")}


def address_text(row):
    number = row["huisnummer"] + row["huisletter"] + (f"-{row['toevoeging']}" if row["toevoeging"] else "")
    return f"{row['straat']} {number}, {row['woonplaats']}"


def test_every_sampled_address_in_meppel():
    rows = read("meppel_adressen.csv")
    points = defaultdict(list)
    for row in rows:
        points[address_text(row)].append(point(row))
    doubled = [row for row in rows if len(points[address_text(row)]) > 1]
    for row in sample(rows) + doubled:
        same = points[address_text(row)]  # 2 addresses occur twice, 20-60 m apart: placed at their mean
        expected = (sum(p[0] for p in same) / len(same), sum(p[1] for p in same) / len(same))
        place = assert_found(address_text(row), expected, ADRES)
        assert place.woonplaats == row["woonplaats"] and place.gemeente == "Meppel"


def test_every_sampled_postcode_in_drenthe():
    rows = read("drenthe_pc6.csv")
    per_code = Counter(row["postcode"] for row in rows)
    per_code_and_place = Counter((row["postcode"], row["woonplaats"]) for row in rows)
    shared = [row for row in rows if per_code[row["postcode"]] > 1]  # 9 postcodes span two woonplaatsen
    for row in sample(rows) + shared:
        code = f"{row['postcode'][:4]} {row['postcode'][4:]}"
        if per_code[row["postcode"]] == 1:
            assert_found(code, point(row), POSTCODE)
        elif per_code_and_place[row["postcode"], row["woonplaats"]] == 1:
            assert_found(f"{code} {row['woonplaats']}", point(row), POSTCODE)
        else:
            assert_found(code, point(row), POSTCODE, gemeente=row["gemeente"])


def test_every_sampled_street_in_drenthe():
    rows = read("drenthe_straten.csv")
    shadowed = place_names()
    per_street = Counter(key(row["straat"]) for row in rows)
    per_street_and_place = Counter((key(row["straat"]), key(row["woonplaats"])) for row in rows)
    doubled = [row for row in rows if per_street_and_place[key(row["straat"]), key(row["woonplaats"])] > 1]
    for row in sample(rows) + doubled:
        name, woonplaats = row["straat"], row["woonplaats"]
        if per_street[key(name)] == 1 and key(name) not in shadowed:
            place = assert_found(name, point(row), STRAAT)
        elif per_street_and_place[key(name), key(woonplaats)] == 1:
            place = assert_found(f"{name}, {woonplaats}", point(row), STRAAT)
        else:
            place = assert_found(f"{name}, {woonplaats}", point(row), STRAAT, gemeente=row["gemeente"])
        assert (place.woonplaats, place.gemeente) == (woonplaats, row["gemeente"])


def test_every_woonplaats_in_drenthe():
    rows = read("drenthe_woonplaatsen.csv")
    per_name = Counter(key(row["woonplaats"]) for row in rows)
    for row in sample(rows) + [row for row in rows if per_name[key(row["woonplaats"])] > 1]:
        text = row["woonplaats"] if per_name[key(row["woonplaats"])] == 1 else f"{row['woonplaats']}, {row['gemeente']}"
        place = assert_found(text, point(row), WOONPLAATS, label_gemeente=row["gemeente"])
        assert (place.woonplaats, place.gemeente) == (row["woonplaats"], row["gemeente"])


def test_every_gemeente_by_name():
    """'gemeente X' always gives the gemeente; the bare name only when no woonplaats has that name."""
    woonplaatsen = {key(row["woonplaats"]): row for row in read("drenthe_woonplaatsen.csv")}
    for row in read("gemeenten.csv"):
        place = assert_found(f"gemeente {row['gemeente']}", point(row), GEMEENTE)
        assert (place.woonplaats, place.gemeente) == (row["hoofdplaats"], row["gemeente"])
        if key(row["gemeente"]) in woonplaatsen:  # Assen, Coevorden, Emmen, Hoogeveen, Meppel, Tynaarlo
            assert_found(row["gemeente"], point(woonplaatsen[key(row["gemeente"])]), WOONPLAATS)
        else:
            assert_found(row["gemeente"], point(row), GEMEENTE)


def test_every_sampled_place_in_the_netherlands():
    rows = read("places_nl.csv")
    drenthe = defaultdict(list)
    for row in read("drenthe_woonplaatsen.csv"):
        drenthe[key(row["woonplaats"])].append(row)
    elsewhere = [row for row in rows if not (row["province"] == "Drenthe" and key(row["name"]) in drenthe)]
    per_name = Counter(key(row["name"]) for row in elsewhere)
    not_unique = [row for row in elsewhere if per_name[key(row["name"])] > 1 or key(row["name"]) in drenthe]
    for row in sample(rows) + not_unique:
        name = key(row["name"])
        if row["province"] == "Drenthe":
            place = assert_found(row["name"], weighted_centre(drenthe[name]), WOONPLAATS)
            assert abs(place.latitude - point(row)[0]) < 0.03 and abs(place.longitude - point(row)[1]) < 0.03
        elif per_name[name] == 1 and name not in drenthe:
            assert_found(row["name"], point(row), WOONPLAATS)
        else:
            text, same_place = _told_apart(row, elsewhere)  # Klundert is in the file twice, 230 m apart: the mean
            mean = (sum(point(r)[0] for r in same_place) / len(same_place),
                    sum(point(r)[1] for r in same_place) / len(same_place))
            assert_found(text, mean, WOONPLAATS)


def _told_apart(row, rows):
    """'Hengelo, Overijssel', or 'Berg, Stein' when the province does not tell them apart."""
    same_name = [other for other in rows if key(other["name"]) == key(row["name"])]
    if Counter(other["province"] for other in same_name)[row["province"]] == 1:
        return f"{row['name']}, {row['province']}", [row]
    same_place = [other for other in same_name if other["municipality"] == row["municipality"]]
    return f"{row['name']}, {row['municipality']}", same_place


def test_every_sampled_pc4_in_the_netherlands():
    with open(DATA_DIR / "pc4_centroids.json", encoding="utf-8") as file:
        centroids = json.load(file)
    for code in sample(sorted(centroids)):
        place = assert_found(code, centroids[code], POSTCODE)
        assert place.label == f"postcode {code}"
