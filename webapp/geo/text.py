"""How typed place text is made comparable: case, accents, punctuation and spacing do not matter."""
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

_NOT_WORD = re.compile(r"[\W_]+")
_PC6 = re.compile(r"([1-9]\d{3})([a-z]{2})")
_PC4 = re.compile(r"[1-9]\d{3}")
_UNUSED_PC_LETTERS = {"sa", "sd", "ss"}  # PostNL never hands these out
_NUMBER = re.compile(r"(\d{1,5})([a-z][a-z0-9]{0,3})?")
_SUFFIX = re.compile(r"[a-z0-9]{1,4}")


def normalise(text):
    """'’t Haantje' -> 't haantje', 'Exloërmond' -> 'exloermond', 'Kanaal W.Z.' -> 'kanaal w z'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NOT_WORD.sub(" ", plain).split())


def compact(tokens):
    """The lookup key of a run of tokens: without spaces, so 'Nieuw-Amsterdam' also matches 'nieuwamsterdam'."""
    return "".join(tokens)


@lru_cache(maxsize=65536)
def key(name):
    """The lookup key of a name in the data (cached: the data repeats its woonplaatsen and streets)."""
    return normalise(name).replace(" ", "")


def tokenize(text):
    return normalise(text).split()


def pretty_pc6(postcode):
    """'7941AB' -> '7941 AB'."""
    return f"{postcode[:4]} {postcode[4:].upper()}"


def find_pc6(tokens):
    """(postcode like '7941ab', the other tokens) for the first 6-character postcode in tokens, else None."""
    for index, token in enumerate(tokens):
        for size in (1, 2):
            candidate = "".join(tokens[index:index + size])
            if size == 2 and not (len(token) == 4 and index + 1 < len(tokens)):
                continue
            match = _PC6.fullmatch(candidate)
            if match and match.group(2) not in _UNUSED_PC_LETTERS:
                return candidate, tokens[:index] + tokens[index + size:]
    return None


def is_pc4(token):
    return bool(_PC4.fullmatch(token))


class House(NamedTuple):
    """A house number as BAG keeps it: number, huisletter and huistoevoeging, compared case-blind."""

    number: str
    letter: str = ""
    addition: str = ""


def house_readings(tokens, start):
    """Every way tokens[start:] can begin with a house number, longest first: (House, index after it).

    '5a', '5 a', '5-2', '5a-2' and '5 bis' are all read; the caller keeps the reading whose rest makes sense.
    """
    match = _NUMBER.fullmatch(tokens[start])
    if not match:
        return
    number, tail = str(int(match.group(1))), match.group(2)
    for extra in (2, 1, 0):
        end = start + 1 + extra
        following = tokens[start + 1:end]
        if len(following) < extra or not all(_SUFFIX.fullmatch(token) for token in following):
            continue
        for letter, addition in _suffix_readings(([tail] if tail else []) + following):
            yield House(number, letter, addition), end


def _suffix_readings(parts):
    if not parts:
        return [("", "")]
    first = parts[0]
    if len(parts) == 2:
        return [(first, parts[1])] if len(first) == 1 and first.isalpha() else []
    if len(parts) > 2:
        return []
    readings = [("", first)]
    if first[0].isalpha():
        readings.insert(0, (first[0], first[1:]))
    return readings
