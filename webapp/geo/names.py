"""Reading typed words as an address, a woonplaats, a gemeente or a street, optionally followed by a place.

Every function takes the tokens of the text and the key of the gemeente to stay within (or None) and
returns one Entry, None, or raises AmbiguousPlace when the words fit several places equally well.
"""
from webapp.geo.entry import by_place, merge, to_location
from webapp.geo.errors import name_of_many_places, street_in_many_places
from webapp.geo.text import compact, house_readings


def in_scope(entries, scope):
    return entries if scope is None else [entry for entry in entries if entry.gemeente_key == scope]


def qualify(entries, tokens):
    """The entries inside the place the tokens name: a woonplaats first, then woonplaats + gemeente,
    a gemeente, a province. "Hoofdstraat, Meppel" is the Hoofdstraat of Meppel, not of all gemeente Meppel."""
    if not tokens:
        return entries
    whole = compact(tokens)
    tests = [lambda entry: entry.woonplaats_key == whole]
    for cut in range(1, len(tokens)):
        woonplaats, gemeente = compact(tokens[:cut]), compact(tokens[cut:])
        tests.append(lambda entry, w=woonplaats, g=gemeente: entry.woonplaats_key == w and entry.gemeente_key == g)
    tests.append(lambda entry: entry.gemeente_key == whole)
    tests.append(lambda entry: whole in entry.regions)
    for test in tests:
        kept = [entry for entry in entries if test(entry)]
        if kept:
            return kept
    return []


def one_place(entries, ambiguity):
    """Merge the entries when they lie in one woonplaats; otherwise ask which one was meant."""
    groups = by_place(entries)
    if len(groups) == 1:
        return merge(entries)
    merged = [merge(group) for group in groups]
    raise ambiguity(entries[0].name, [entry.place for entry in merged], [to_location(entry) for entry in merged])


def street_entries(gazetteer, street_tokens, place_tokens, scope):
    found = in_scope(gazetteer.streets.get(compact(street_tokens), []), scope)
    return qualify(found, place_tokens)


def address_readings(gazetteer, tokens, scope):
    """(street entries, street key, House) for every way to read the tokens as street, number, place."""
    for start in range(1, len(tokens)):
        for house, end in house_readings(tokens, start):
            streets = street_entries(gazetteer, tokens[:start], tokens[end:], scope)
            if streets:
                yield streets, compact(tokens[:start]), house


def match_address(gazetteer, tokens, scope):
    """A known address; only when its street lies in one woonplaats, so we never pick a place for the user."""
    for streets, street, house in address_readings(gazetteer, tokens, scope):
        places = {entry.place for entry in streets}
        if len(places) > 1:
            continue
        found = [entry for entry in gazetteer.addresses.get((street, house), []) if entry.place in places]
        if found:
            return merge(found)
    return None


def match_place(gazetteer, tokens, scope):
    """A woonplaats in Drenthe, else a place elsewhere in the Netherlands, else a gemeente by its name."""
    for index in (gazetteer.woonplaatsen, gazetteer.places):
        for cut in range(len(tokens), 0, -1):
            found = qualify(in_scope(index.get(compact(tokens[:cut]), []), scope), tokens[cut:])
            if found:
                return one_place(found, name_of_many_places)
    return gazetteer.gemeenten.get(compact(tokens))


def match_street(gazetteer, tokens, scope):
    for cut in range(len(tokens), 0, -1):
        found = street_entries(gazetteer, tokens[:cut], tokens[cut:], scope)
        if found:
            return one_place(found, street_in_many_places)
    return None


def match_street_of_address(gazetteer, tokens, scope):
    """The street when its house number is unknown to us: a real point, never a guessed house."""
    for streets, _street, _house in address_readings(gazetteer, tokens, scope):
        return one_place(streets, street_in_many_places)
    return None
