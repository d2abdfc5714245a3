"""The offline geocoder: a geopy Geocoder over the shipped data that never touches the network."""
from geopy.adapters import BaseSyncAdapter
from geopy.exc import GeocoderServiceError
from geopy.geocoders.base import Geocoder

from webapp.geo import names
from webapp.geo.entry import merge, to_location
from webapp.geo.errors import AmbiguousPlace
from webapp.geo.gazetteer import get_gazetteer
from webapp.geo.text import compact, find_pc6, house_readings, is_pc4, key, tokenize


MAX_LENGTH = 200
MAX_TOKENS = 12  # "Zuideinde 5, 7941 GA Meppel, gemeente Meppel, Drenthe" has 9


class NoNetwork(BaseSyncAdapter):
    """Makes sure nothing in this geocoder can reach the network, not even by accident."""

    def get_json(self, url, *, timeout, headers):
        raise GeocoderServiceError("The offline geocoder does not use the network.")

    def get_text(self, url, *, timeout, headers):
        raise GeocoderServiceError("The offline geocoder does not use the network.")


class OfflineGeocoder(Geocoder):
    """Addresses in gemeente Meppel, postcodes and streets in Drenthe, PC4 and places in the Netherlands."""

    def __init__(self, gazetteer=None):
        super().__init__(adapter_factory=NoNetwork)
        self._gazetteer = gazetteer

    def geocode(self, query, exactly_one=True, gemeente=None):
        """PlacedLocation (or a list with exactly_one=False), None when unknown.

        Where the words fit several places, exactly_one=True raises AmbiguousPlace instead of guessing;
        exactly_one=False returns one location per place.
        """
        try:
            entry = find(self._gazetteer or get_gazetteer(), query, gemeente)
        except AmbiguousPlace as ambiguous:
            if exactly_one:
                raise
            return ambiguous.candidates
        if entry is None:
            return None
        return to_location(entry) if exactly_one else [to_location(entry)]


def find(gazetteer, text, gemeente=None):
    """The Entry the text names, most precise reading first; None when nothing fits."""
    tokens = tokenize((text or "")[:MAX_LENGTH])
    if len(tokens) > MAX_TOKENS:
        return None  # the readings grow with the cube of the words: a place is never this long
    scope = key(gemeente) if gemeente else None
    if tokens[:1] == ["gemeente"]:
        return gazetteer.gemeenten.get(compact(tokens[1:]))
    if tokens[:1] == ["postcode"]:
        tokens = tokens[1:]
    if not tokens:
        return None
    for matcher in MATCHERS:
        entry = matcher(gazetteer, tokens, scope)
        if entry is not None:
            return entry
    return None


def match_pc6(gazetteer, tokens, scope):
    """'7941 AB', '7941AA 5', 'Zuideinde 1, 7941 GA Meppel'; outside Drenthe the PC4 stands in."""
    found = find_pc6(tokens)
    if found is None:
        return None
    code, rest = found
    address = _address_on_postcode(gazetteer, code, rest)
    if address is not None:
        return address
    entries = gazetteer.pc6.get(code)
    if not entries:
        return gazetteer.pc4.get(code[:4])
    entries = _prefer(names.qualify(entries, rest), entries)
    return merge(_prefer(names.in_scope(entries, scope), entries))


def _address_on_postcode(gazetteer, code, rest):
    """The address with this postcode and house number, if the other words (street, place) agree with it."""
    for start in range(len(rest)):
        for house, end in house_readings(rest, start):
            found = gazetteer.postcode_addresses.get((code, house))
            street_agrees = found and (start == 0 or key(found[0].name) == compact(rest[:end]))
            if street_agrees and names.qualify(found, rest[end:]):
                return merge(found)
    return None


def _prefer(kept, entries):
    return kept or entries


def match_pc4(gazetteer, tokens, scope):
    """'7941', or '7941 Meppel': a place name after it may only repeat where it is."""
    if not is_pc4(tokens[0]) or tokens[0] not in gazetteer.pc4:
        return None
    rest = compact(tokens[1:])
    if rest and not any(rest in index for index in (gazetteer.woonplaatsen, gazetteer.places, gazetteer.gemeenten)):
        return None
    return gazetteer.pc4[tokens[0]]


MATCHERS = (
    match_pc6,
    match_pc4,
    names.match_address,
    names.match_place,
    names.match_street,
    names.match_street_of_address,
)
