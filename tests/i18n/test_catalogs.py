"""Every shipped catalog is complete: each message of a fresh extraction is translated, nothing is fuzzy, the
placeholders fit, and the committed .mo says the same as the .po (scripts/translations.sh update / compile)."""
from pathlib import Path

import pytest
from babel.messages.checkers import python_format
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = sorted((ROOT / "webapp" / "translations").glob("*/LC_MESSAGES/messages.po"))
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}


@pytest.fixture(scope="module")
def source_messages():
    """Every message the code and the templates ask for, as `scripts/translations.sh update` extracts them."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=KEYWORDS):
        found.add(message if isinstance(message, str) else message[0])
    return found


def _read(path):
    with open(path, "rb") as file:
        return read_po(file, locale=path.parent.parent.name)


def test_there_are_catalogs_beside_dutch():
    assert {path.parent.parent.name for path in CATALOGS} >= {"en", "ar"}


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.parent.parent.name)
def test_a_catalog_translates_every_message_of_the_code(path, source_messages):
    catalog = _read(path)
    translated = {}
    for message in catalog:
        if message.id:
            key = message.id if isinstance(message.id, str) else message.id[0]
            strings = [message.string] if isinstance(message.string, str) else list(message.string)
            translated[key] = all(s.strip() for s in strings) and "fuzzy" not in message.flags
    missing = sorted(source_messages - translated.keys())
    untranslated = sorted(key for key, ok in translated.items() if key in source_messages and not ok)
    assert (missing, untranslated) == ([], []), "run scripts/translations.sh update, translate, then compile"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.parent.parent.name)
def test_placeholders_in_a_translation_are_those_of_the_dutch(path):
    catalog = _read(path)
    problems = []
    for message in catalog:
        if message.id and message.python_format:
            try:
                python_format(catalog, message)
            except Exception as error:  # babel's TranslationError
                problems.append((message.id, str(error)))
    assert problems == []


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: path.parent.parent.name)
def test_the_compiled_catalog_is_up_to_date(path):
    with open(path.with_suffix(".mo"), "rb") as file:
        compiled = {_key(m.id): _key(m.string) for m in read_mo(file) if m.id}
    written = {_key(m.id): _key(m.string) for m in _read(path) if m.id and "fuzzy" not in m.flags}
    assert compiled == written, "run scripts/translations.sh compile"


def _key(value):
    return value if isinstance(value, str) else tuple(value)
