"""Why a place could not be placed, in words a resident understands (B1), through gettext."""
from flask_babel import gettext as _

from webapp.errors import RuleViolation

FIELD = "near"
SHOWN_OPTIONS = 6


class PlaceNotFound(RuleViolation):
    def __init__(self, message):
        super().__init__([(FIELD, message)])


class AmbiguousPlace(RuleViolation):
    """More than one place fits; `options` names them, `candidates` holds a PlacedLocation for each."""

    def __init__(self, message, options, candidates=()):
        super().__init__([(FIELD, message)])
        self.options = list(options)
        self.candidates = list(candidates)


def _example():
    return _("Vul een postcode (zoals 7941 AB) of een woonplaats in.")


def empty_place():
    return PlaceNotFound(_("Vul een plaats in.") + " " + _example())


def unknown_place(text, gemeente=None):
    shown = " ".join(text.split())[:80]
    if gemeente:
        message = _("We kennen de plaats '%(place)s' in de gemeente %(gemeente)s niet.", place=shown,
                    gemeente=gemeente)
    else:
        message = _("We kennen de plaats '%(place)s' niet.", place=shown)
    return PlaceNotFound(message + " " + _example())


def outside_netherlands():
    return PlaceNotFound(_("Uw locatie ligt buiten Nederland.") + " " + _example())


def street_in_many_places(street, options, candidates):
    message = _("De straat '%(street)s' ligt in meer plaatsen: %(places)s Welke plaats bedoelt u? "
                "Typ bijvoorbeeld '%(example)s'.", street=street, places=_listed(options),
                example=f"{street}, {options[0]}")
    return AmbiguousPlace(message, options, candidates)


def name_of_many_places(name, options, candidates):
    example = options[0].replace(" (", ", ").rstrip(")")
    message = _("Er zijn meer plaatsen met de naam '%(name)s': %(places)s Welke plaats bedoelt u? "
                "Typ bijvoorbeeld '%(example)s'.", name=name, places=_listed(options), example=example)
    return AmbiguousPlace(message, options, candidates)


def _listed(options):
    """'Meppel, Nijeveen.' or, when there are many, 'Meppel, Nijeveen, …' (the largest places first)."""
    shown = ", ".join(options[:SHOWN_OPTIONS])
    return f"{shown}, …" if len(options) > SHOWN_OPTIONS else f"{shown}."
