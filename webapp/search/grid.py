"""Documents by grid cell of about 11 x 7 km, from the points of the columns (columns.py): a radius becomes a few
cells, so a search near a place scores only the documents there (../shared/notes: a 0.1-degree cell filter was the
fastest radius in Whoosh). Documents without a point are always inside: the caller decides about them.
"""
import math

import numpy as np

from webapp.search import columns

CELL = 0.1  # degrees of latitude and longitude


def inside(searcher, box):
    """A boolean array by document number: a point in the cells covering `box` (min_lat, min_lon, max_lat,
    max_lon), or no point."""
    rows, cols, pointless = _cells(searcher)
    min_lat, min_lon, max_lat, max_lon = box
    return pointless | ((rows >= _cell(min_lat)) & (rows <= _cell(max_lat))
                        & (cols >= _cell(min_lon)) & (cols <= _cell(max_lon)))


def _cells(searcher):
    cached = searcher.__dict__.get("_buurtkaart_cells")
    if cached is None:
        found = columns.for_searcher(searcher)
        pointless = np.isnan(found.lat)
        with np.errstate(invalid="ignore"):
            rows, cols = np.floor(found.lat / CELL), np.floor(found.lon / CELL)  # as math.floor(degrees / CELL)
        cached = searcher._buurtkaart_cells = (rows, cols, pointless)
    return cached


def _cell(degrees):
    return math.floor(degrees / CELL)
