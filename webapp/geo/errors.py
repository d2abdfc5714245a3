"""Why a place could not be placed, in words a resident understands (B1)."""
from webapp.errors import RuleViolation

FIELD = "near"
SHOWN_OPTIONS = 6
EXAMPLE = "Vul een postcode (zoals 7941 AB) of een woonplaats in."


class PlaceNotFound(RuleViolation):
    def __init__(self, message):
        super().__init__([(FIELD, message)])


class AmbiguousPlace(RuleViolation):
    """More than one place fits; `options` names them, `candidates` holds a PlacedLocation for each."""

    def __init__(self, message, options, candidates=()):
        super().__init__([(FIELD, message)])
        self.options = list(options)
        self.candidates = list(candidates)


def empty_place():
    return PlaceNotFound(f"Vul een plaats in. {EXAMPLE}")


def unknown_place(text, gemeente=None):
    shown = " ".join(text.split())[:80]
    where = f" in de gemeente {gemeente}" if gemeente else ""
    return PlaceNotFound(f"We kennen de plaats '{shown}'{where} niet. {EXAMPLE}")


def street_in_many_places(street, options, candidates):
    message = (f"De straat '{street}' ligt in meer plaatsen: {_listed(options)} Welke plaats bedoelt u? "
               f"Typ bijvoorbeeld '{street}, {options[0]}'.")
    return AmbiguousPlace(message, options, candidates)


def name_of_many_places(name, options, candidates):
    example = options[0].replace(" (", ", ").rstrip(")")
    message = (f"Er zijn meer plaatsen met de naam '{name}': {_listed(options)} Welke plaats bedoelt u? "
               f"Typ bijvoorbeeld '{example}'.")
    return AmbiguousPlace(message, options, candidates)


def _listed(options):
    """'Meppel, Nijeveen.' or, when there are many, 'Meppel, Nijeveen, …' (the largest places first)."""
    shown = ", ".join(options[:SHOWN_OPTIONS])
    return f"{shown}, …" if len(options) > SHOWN_OPTIONS else f"{shown}."
