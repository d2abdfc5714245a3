"""Where a point may be shown: the centre of a cell that at least k addresses share.

The cells form a fixed grid of about 500 m (0.0045° of latitude; 0.0074° of longitude is 500 m at 52.7° N) and
its doublings, 1, 2, 4 and 8 km, each cell holding four of the level below. The addresses are counted from the
shipped data: every BAG address of the gemeente Meppel, and the PC6 address counts of the rest of Drenthe (each
counted at its postcode's centre). Outside Drenthe nothing is counted, so no cell qualifies there.

A point goes down into the child cell that holds it when that child holds at least k addresses. The addresses
left behind in a cell (in children with fewer than k) share its centre when they are k or more; when they are
fewer, they are shown at the point of the smallest child with k or more (and so on down), never alone. So every
public point stands for at least k counted addresses, each within the cell it was left behind in.
Deterministic: the same point always gives the same answer.
"""
import math
from collections import Counter
from functools import cache

from webapp.geo.gazetteer import DATA_DIR, _rows, get_gazetteer
from webapp.geo.text import key

CELL_LAT, CELL_LON = 0.0045, 0.0074
LEVELS = 5  # 500 m, 1 km, 2 km, 4 km, 8 km
COUNTED_IN_FULL = "Meppel"  # the gemeente whose addresses are shipped one by one


def cell(point, level):
    """(level, row, column) of the cell at this level that the point lies in."""
    size = 2 ** level
    return (level, math.floor(point[0] / (CELL_LAT * size)), math.floor(point[1] / (CELL_LON * size)))


def centre(found):
    level, row, column = found
    size = 2 ** level
    return (round((row + 0.5) * CELL_LAT * size, 6), round((column + 0.5) * CELL_LON * size, 6))


@cache
def address_counts():
    """Counter of addresses per cell, every level."""
    counts = Counter()
    for point, weight in _counted_points():
        for level in range(LEVELS):
            counts[cell(point, level)] += weight
    return counts


def _counted_points():
    for row in _rows(DATA_DIR / "meppel_adressen.csv"):
        yield (float(row.lat), float(row.lon)), 1
    for row in _rows(DATA_DIR / "drenthe_pc6.csv"):
        if row.gemeente != COUNTED_IN_FULL:
            yield (float(row.lat), float(row.lon)), int(row.addresses)


def shared_point(point, k):
    """The centre of the cell this point is shown at, or None when even its 8 km cell has fewer than k addresses."""
    counts = address_counts()
    current = cell(point, LEVELS - 1)
    if counts[current] < k:
        return None
    while current[0] > 0:
        child = cell(point, current[0] - 1)
        if counts[child] < k:  # one of the addresses left behind in this cell
            return centre(_shown_at(current, k))
        current = child
    return centre(current)


def _children(parent):
    level, row, column = parent
    return [(level - 1, row * 2 + dr, column * 2 + dc) for dr in (0, 1) for dc in (0, 1)]


def _big_children(parent, k):
    counts = address_counts()
    return sorted((child for child in _children(parent) if counts[child] >= k), key=lambda c: (counts[c], c))


@cache
def _left_behind(found, k):
    """How many addresses are shown at this cell's centre or pushed on from it: those of its children with fewer
    than k, plus those pushed into it from its parent."""
    counts = address_counts()
    own = sum(counts[child] for child in _children(found) if counts[child] < k) if found[0] else counts[found]
    if found[0] == LEVELS - 1:
        return own
    parent = (found[0] + 1, found[1] // 2, found[2] // 2)
    pushed = _left_behind(parent, k)
    if 0 < pushed < k and _big_children(parent, k)[0] == found:
        own += pushed
    return own


def _shown_at(found, k):
    """The cell whose centre shows the addresses left behind in `found`: itself when they are k or more, else
    (pushed down) the smallest child with k or more, and so on; a cell of 500 m shows all its own."""
    while found[0] and _left_behind(found, k) < k:
        found = _big_children(found, k)[0]
    return found


def woonplaats_point(woonplaats, gemeente, k):
    """The centre of the woonplaats as the shipped data has it; the gemeente's when the woonplaats is known to
    have fewer than k addresses, or is not known at all. None when neither is known."""
    gazetteer = get_gazetteer()
    name = key(woonplaats or "")
    for entry in gazetteer.woonplaatsen.get(name, []) + gazetteer.places.get(name, []):
        if entry.gemeente_key == key(gemeente or "") and (entry.source != "drenthe_woonplaatsen" or entry.weight >= k):
            return (entry.lat, entry.lon)
    found = gazetteer.gemeenten.get(key(gemeente or ""))
    return (found.lat, found.lon) if found else None
