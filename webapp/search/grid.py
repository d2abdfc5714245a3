"""Documents by grid cell of about 11 x 7 km, built once per searcher from the facts column: a radius becomes a few
cells, so a search near a place scores only the documents there (../shared/notes: a 0.1-degree cell filter was the
fastest radius in Whoosh). Documents without a point are always inside: the caller decides about them.
"""
import math

from webapp.search import facts

CELL = 0.1  # degrees of latitude and longitude


def inside(searcher, box):
    """Document numbers with a point in the cells covering `box` (min_lat, min_lon, max_lat, max_lon), or none."""
    cells, pointless = _cells(searcher)
    min_lat, min_lon, max_lat, max_lon = box
    found = set(pointless)
    for row in range(_cell(min_lat), _cell(max_lat) + 1):
        for column in range(_cell(min_lon), _cell(max_lon) + 1):
            found.update(cells.get((row, column), ()))
    return found


def _cells(searcher):
    cached = searcher.__dict__.get("_buurtkaart_cells")
    if cached is None:
        cells, pointless = {}, []
        for docnum, found in enumerate(facts.for_searcher(searcher)):
            if found is None:
                continue
            if found.point is None:
                pointless.append(docnum)
            else:
                cells.setdefault((_cell(found.point[0]), _cell(found.point[1])), []).append(docnum)
        cached = searcher._buurtkaart_cells = (cells, pointless)
    return cached


def _cell(degrees):
    return math.floor(degrees / CELL)
