"""Reading and checking one cell, and the columns of the file."""
import re
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace
from typing import Callable

from flask_babel import gettext as _, lazy_gettext as _l
from wtforms.validators import ValidationError

from webapp.beheer.forms import PHONE, POSTCODE, WEBSITE
from webapp.directory.areas import split_area
from webapp.email_address import valid_email
from webapp.directory.vocab import ACCESS_ROUTES, LAYERS, THEMES, TRISTATE, UNKNOWN


MAX_BYTES = 2 * 1024 * 1024
DELIMITER = ";"
# Every row is its own transaction and index update (~65 ms): more rows would outlast a worker's 30 s timeout.
MAX_WRITES = 200
NEW, CHANGED, UNCHANGED, REFUSED = "nieuw", "gewijzigd", "ongewijzigd", "geweigerd"
STATUS_LABELS = {NEW: _l("nieuw"), CHANGED: _l("gewijzigd"), UNCHANGED: _l("ongewijzigd"), REFUSED: _l("geweigerd")}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # Excel runs a cell that starts with one of these


class CellError(ValueError):
    """A cell that cannot be used; the message is Dutch and shown to the beheerder."""


def _text(limit, required=False, empty=None):
    def parse(cell):
        if cell is None:
            if required:
                raise CellError(_("Vul dit in."))
            return empty
        if len(cell) > limit:
            raise CellError(_("Dit is te lang: hoogstens %(limit)d tekens.", limit=limit))
        return cell
    return parse


def _checked(limit, is_valid, message):
    plain = _text(limit)

    def parse(cell):
        value = plain(cell)
        if value is not None and not is_valid(value):
            raise CellError(str(message))
        return value
    return parse


def _matches(pattern):
    return lambda value: re.match(pattern, value) is not None


def _is_email(value):
    return valid_email(value) is not None  # the same rule as every address the site accepts


def _is_url(value):
    try:
        for rule in WEBSITE:  # the same rules as the beheer form
            rule(None, SimpleNamespace(data=value))
    except ValidationError:
        return False
    return True


def _lookup(vocabulary):
    """Slug or label, in any case: 'Vrije inloop' and 'vrij-inloop' are the same."""
    found = {slug.casefold(): slug for slug in vocabulary}
    found.update({str(label).casefold(): slug for slug, label in vocabulary.items()})
    return found


def _choice(vocabulary, empty):
    def parse(cell):
        if cell is None:
            return empty
        slug = _lookup(vocabulary).get(cell.casefold())
        if slug is None:
            raise CellError(_("'%(value)s' kennen we niet. Kies uit: %(options)s.", value=cell,
                              options=", ".join(vocabulary)))
        return slug
    return parse


def _several(vocabulary=None, limit=120):
    """Values separated by `|` (themes also by `,`: a doelgroep may hold a comma)."""
    separators = r"[|,]" if vocabulary else r"\|"

    def parse(cell):
        values = [part.strip() for part in re.split(separators, cell or "") if part.strip()]
        if vocabulary:
            known = _lookup(vocabulary)
            unknown = [value for value in values if value.casefold() not in known]
            if unknown:
                raise CellError(_("'%(value)s' kennen we niet. Kies uit: %(options)s.", value="', '".join(unknown),
                                  options=", ".join(vocabulary)))
            values = [known[value.casefold()] for value in values]
        if any(len(value) > limit for value in values):
            raise CellError(_("Dit is te lang: hoogstens %(limit)d tekens.", limit=limit))
        return tuple(sorted(set(values)))
    return parse


def _date(cell):
    if cell is None:
        return None
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):  # Dutch Excel saves a date as 31-3-2025
        try:
            return datetime.strptime(cell, pattern).date()
        except ValueError:
            continue
    raise CellError(_("Vul een datum in zoals 2025-03-31."))


def _area(cell):
    """Gemeenten separated by commas, or "heel Nederland"; checked against the known gemeenten in planning."""
    names = split_area(cell)
    if any(len(name) > 100 for name in names):
        raise CellError(_("Dit is te lang: hoogstens %(limit)d tekens.", limit=100))
    return names


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    parse: Callable
    separator: str = "|"  # between the values of a tuple


COLUMNS = (
    Column("naam", "name", _text(200, required=True)),
    Column("gemeente", "gemeente", _text(100)),
    Column("werkgebied", "service_area", _area, separator=", "),
    Column("samenvatting", "summary", _text(300, empty="")),
    Column("beschrijving", "description", _text(3000, empty="")),
    Column("toegang", "access_route", _choice(ACCESS_ROUTES, UNKNOWN)),
    Column("laag", "layer", _choice(LAYERS, None)),
    Column("themas", "themes", _several(THEMES)),
    Column("doelgroepen", "target_groups", _several()),
    Column("organisatie", "organization_name", _text(200)),
    Column("telefoon", "phone", _checked(40, _matches(PHONE), _l("Vul een telefoonnummer in, zoals 0522 123 456."))),
    Column("email", "email", _checked(200, _is_email, _l("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."))),
    Column("website", "website", _checked(300, _is_url, _l("Vul een webadres in dat begint met https://."))),
    Column("talen", "languages", _text(200)),
    Column("gratis", "free_of_charge", _choice(TRISTATE, UNKNOWN)),
    Column("kosten", "cost_note", _text(300)),
    Column("vrijwilligers", "volunteers", _choice(TRISTATE, UNKNOWN)),
    Column("locatie", "location_name", _text(200)),
    Column("adres", "address", _text(200)),
    Column("postcode", "postcode", _checked(7, _matches(POSTCODE), _l("Vul een postcode in zoals 7941 AB."))),
    Column("woonplaats", "woonplaats", _text(100)),
    Column("rolstoel", "wheelchair_access", _choice(TRISTATE, UNKNOWN)),
    Column("laatst_gecontroleerd", "last_checked_on", _date),
)
HEADERS = ("id", *(column.header for column in COLUMNS))
ALIASES = {"e_mail": "email", "thema": "themas", "doelgroep": "doelgroepen", "laatst_gecontroleerd_op":
           "laatst_gecontroleerd"}
