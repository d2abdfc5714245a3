"""Where a voorziening is: the most precise point its own words allow, and how precise that is."""
from webapp import geo
from webapp.errors import RuleViolation
from webapp.geo.precision import ADRES, GEMEENTE, POSTCODE, STRAAT, WOONPLAATS


def place(gemeente, *, woonplaats=None, location_name=None, address=None, postcode=None, lookup=None):
    """Address, postcode, the place's name, the woonplaats, else the gemeente's hoofdplaats; None if nothing.

    Never an invented coordinate: a name that only names a building gives nothing, and each attempt must
    reach the precision it is there for.
    """
    lookup = lookup or geo.locate
    number = address.split()[-1] if address and any(ch.isdigit() for ch in address) else None
    attempts = [
        (address and woonplaats and f"{address}, {woonplaats}", {ADRES, STRAAT}),
        (postcode and number and f"{postcode} {number}", {ADRES}),
        (postcode, {POSTCODE, ADRES}),
        (location_name and ", ".join(filter(None, [location_name, woonplaats])), {ADRES, STRAAT}),
        (woonplaats, {WOONPLAATS}),
        (f"gemeente {gemeente}", {GEMEENTE}),
    ]
    for text, accepted in attempts:
        if not text:
            continue
        try:
            found = lookup(text, gemeente=gemeente)
        except RuleViolation:
            continue
        if found.precision in accepted:
            return found
    return None
