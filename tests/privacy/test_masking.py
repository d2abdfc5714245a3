"""mask_contact: phone numbers and e-mail addresses however typed; dates, times, amounts and house numbers stay."""
import pytest

from webapp.text import MASK, mask_contact

HIDDEN = [
    ("bel 06 - 12 - 34 - 56 - 78 ok", "bel [verborgen] ok"),
    ("bel 06\u200b1234\u200b5678!", "bel [verborgen]!"),  # zero-width spaces
    ("bel 0\u20606\u00ad12345678", "bel [verborgen]"),  # word joiner, soft hyphen
    ("06_12_34_56_78 of 06*12*34*56*78", "[verborgen] of [verborgen]"),
    ("bel O6-12345678", "bel [verborgen]"),  # the letter O for a zero
    ("bel nul zes een twee drie vier vijf zes zeven acht nu", "bel [verborgen] nu"),
    ("\uff10\uff16\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18", MASK),  # wide digits
    ("+31 6 1234 5678 / 0031612345678", "[verborgen] / [verborgen]"),
    ("Boodschappen, bel 0522 123456", "Boodschappen, bel [verborgen]"),
    ("mail piet@example.org.", "mail [verborgen]."),
    ("mail piet @ example . org", "mail [verborgen]"),
    ("mail naam at gmail punt com", "mail [verborgen]"),
    ("mail naam(at)gmail(punt)com nu", "mail [verborgen] nu"),
    ("mail piet apenstaartje hotmail punt nl", "mail [verborgen]"),
    ("mail p\u200biet@exa\u200bmple.org", "mail [verborgen]"),
    ("a@b.nl0612345678", MASK),
]
KEPT = [
    "ik ben om 10.30-12.00 en 13.00-14.30 thuis",
    "op 12-05-2026 om 14:30",
    "postcode 7941 AB, huisnummer 12",
    "een 2 kinderen, op dinsdag 3 of 4 juni",
    "ik ben 83 jaar en woon op nummer 12",
    "bedrag 1.234.567,89 euro",
    "kom at home punt",
    "zoveel als nul of een",
]


@pytest.mark.parametrize("typed, shown", HIDDEN)
def test_contact_details_are_hidden_however_typed(typed, shown):
    assert mask_contact(typed) == shown


@pytest.mark.parametrize("typed", KEPT)
def test_ordinary_numbers_and_words_stay(typed):
    assert mask_contact(typed) == typed


def test_empty_text_stays_empty():
    assert mask_contact("") == "" and mask_contact(None) is None
