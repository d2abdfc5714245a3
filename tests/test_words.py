"""The words residents read: every message of the catalog (templates, mails and Python, as pybabel extracts them
with babel.cfg) is free of words residents do not use. Official words go in the code, never on the page.

The list is kept here; add a word when a reader stumbles on it, with the word to use instead in the comment.
"""
import re
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

ROOT = Path(__file__).resolve().parent.parent
NOT_B1 = {
    "voorgesteld": "wacht op een ja, stelt voor",
    "gekoppeld": "helper gevonden",
    "geannuleerd": "gestopt",
    "geaccepteerd": "aangenomen",
    "retour": "terug",
    "status": "hoe staat het, stand",
}
_WORD = re.compile(r"\b(" + "|".join(NOT_B1) + r")\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}


def catalog():
    """(file, line, message) for every message the site shows."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    for filename, lineno, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=KEYWORDS):
        for text in message if isinstance(message, tuple) else (message,):
            text = _PLACEHOLDER.sub("", text or "")  # %(status)s names a value, it is not a word on the page
            if text:
                yield filename, lineno, text


def test_the_catalog_is_read():
    """A guard on the test itself: it sees template, mail and lazy Python messages."""
    texts = {text for _file, _line, text in catalog()}
    assert {"Ik neem deze hulp aan", "Hoe ging het?", "Wanneer het uitkomt"} <= texts


def test_no_message_uses_a_word_residents_do_not_use():
    found = [f"{filename}:{line}: {_WORD.search(text).group(0)!r} in {text[:80]!r} (say: "
             f"{NOT_B1[_WORD.search(text).group(0).lower()]})"
             for filename, line, text in catalog() if _WORD.search(text)]
    assert not found, "Words residents do not use:\n" + "\n".join(found)
