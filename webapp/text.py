"""Small text helpers used across packages, and the one function that hides typed contact details."""
import re
import unicodedata

import phonenumbers

MASK = "[verborgen]"

# Digits as words, and the letter O typed for a zero ("O6-12345678", "nul zes 12 34 ...").
_DIGIT_WORDS = {"nul": "0", "een": "1", "één": "1", "twee": "2", "drie": "3", "vier": "4", "vijf": "5",
                "zes": "6", "zeven": "7", "acht": "8", "negen": "9", "o": "0"}
_DIGIT_WORD = "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True))
# A digit (or digit word) followed by separators and another digit (or digit word): the chain is read as digits.
_ITEM = rf"(?:\d|(?<![^\W\d])(?:{_DIGIT_WORD})(?![^\W\d]))"
_DIGIT_CHAIN = re.compile(rf"{_ITEM}(?:[\s\-._/*~|·•()]*{_ITEM})+", re.IGNORECASE)
_CHAIN_ITEM = re.compile(_ITEM, re.IGNORECASE)

_AT = r"(?:@|\(\s*at\s*\)|\[\s*at\s*\]|\s+at\s+|\s+apenstaartje\s+|\s*\(\s*apenstaartje\s*\)\s*)"
_DOT = r"(?:\s*\.\s*|\s*\(\s*(?:dot|punt)\s*\)\s*|\s*\[\s*(?:dot|punt)\s*\]\s*|\s+(?:dot|punt)\s+)"
_EMAIL = re.compile(rf"[\w.+-]+\s*{_AT}\s*[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[a-z]{{2,12}}(?![^\W\d])", re.IGNORECASE)
# Fewer digits than a Dutch number (9 after the 0) is a date, an amount or a house number, not a phone.
_MIN_DIGITS = 9


def slugify(text):
    """'Geldloket Meppel' -> 'geldloket-meppel'; accents folded, anything else becomes a hyphen."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def mask_contact(text):
    """Free text with every phone number and e-mail address replaced by [verborgen], however typed.

    Reads a normalised copy (invisible characters out, wide digits narrow, digits written as words or with odd
    separators as digits) with the phonenumbers matcher (region NL) and an e-mail pattern that knows "at" and
    "punt"; the spans found are masked in the text as typed. Everything else stays as it was.
    """
    if not text:
        return text
    spans = []
    for number, (reading, starts, ends) in enumerate(_readings(text)):
        found = _phone_spans(reading) + (_email_spans(reading) if number == 0 else [])
        spans += [(starts[start], ends[end - 1]) for start, end in found]
    pieces, position = [], 0
    for first, last in sorted(spans):
        if last > position:  # not inside the span masked before
            pieces += [text[position:max(first, position)], MASK]
            position = last
    pieces.append(text[position:])
    return "".join(pieces).replace(MASK + MASK, MASK)


def _readings(text):
    """Two readings of the text, each with, for every character, the span of `text` it came from: without
    invisible characters and with wide digits narrow; and then also with chains of digits and digit words
    (across odd separators) written as digits."""
    chars, starts, ends = [], [], []
    for index, char in enumerate(text):
        if unicodedata.category(char) == "Cf":  # zero-width space, joiner, soft hyphen, word joiner, BOM ...
            continue
        for part in unicodedata.normalize("NFKC", char):
            chars.append(part)
            starts.append(index)
            ends.append(index + 1)
    plain = "".join(chars)
    yield plain, starts, ends
    out, new_starts, new_ends, position = [], [], [], 0
    for chain in _DIGIT_CHAIN.finditer(plain):
        out.append(plain[position:chain.start()])
        new_starts += starts[position:chain.start()]
        new_ends += ends[position:chain.start()]
        for char, first, last in _chain_digits(chain):
            out.append(char)
            new_starts.append(starts[first])
            new_ends.append(ends[last - 1])
        position = chain.end()
    out.append(plain[position:])
    yield "".join(out), new_starts + starts[position:], new_ends + ends[position:]


def _chain_digits(chain):
    """A chain of digits and digit words as (digit or space, start, end in the normalised text): one space where
    anything stood between two items."""
    previous_end = None
    for item in _CHAIN_ITEM.finditer(chain.group()):
        start, end = chain.start() + item.start(), chain.start() + item.end()
        if previous_end is not None and start > previous_end:
            yield " ", previous_end, start
        yield _DIGIT_WORDS.get(item.group().lower(), item.group()), start, end
        previous_end = end


def _phone_spans(normal):
    spans = []
    for match in phonenumbers.PhoneNumberMatcher(normal, "NL", leniency=phonenumbers.Leniency.POSSIBLE):
        if phonenumbers.is_valid_number(match.number) or len(str(match.number.national_number)) >= _MIN_DIGITS:
            spans.append((match.start, match.end))
    return spans


def _email_spans(normal):
    return [(found.start(), found.end()) for found in _EMAIL.finditer(normal)]
