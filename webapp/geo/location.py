"""A geopy Location that also says how precise it is and where it lies."""
from geopy.location import Location


class PlacedLocation(Location):
    """`address` and `label` are the same readable Dutch text, e.g. "Zuideinde 1, Meppel" or "postcode 7941"."""

    __slots__ = ("precision", "woonplaats", "gemeente")

    def __init__(self, label, point, raw, *, precision, woonplaats=None, gemeente=None):
        super().__init__(label, point, raw)
        self.precision = precision
        self.woonplaats = woonplaats
        self.gemeente = gemeente

    @property
    def label(self):
        return self.address

    def __repr__(self):
        return f"PlacedLocation({self.label!r}, {self.precision}, ({self.latitude}, {self.longitude}))"

    def __getstate__(self):
        return super().__getstate__(), self.precision, self.woonplaats, self.gemeente

    def __setstate__(self, state):
        location, self.precision, self.woonplaats, self.gemeente = state
        super().__setstate__(location)
