"""Small text helpers used across packages."""
import re
import unicodedata

MASK = "[verborgen]"

_EMAIL = re.compile(r"[\w.+-]+\s*(?:@|\(at\)|\[at\])\s*[\w-]+(?:\s*\.\s*[\w-]+)+", re.IGNORECASE)
# Dutch phone numbers in the ways people type them: 0522-123456, 06 12 34 56 78, +31 6 1234 5678, 0031...
_PHONE = re.compile(r"(?<![\w])(?:\+|00)?\d(?:[\s\-./()]{0,2}\d){8,13}(?![\w])")


def slugify(text):
    """'Geldloket Meppel' -> 'geldloket-meppel'; accents folded, anything else becomes a hyphen."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def mask_contact(text):
    """Free text with e-mail addresses and phone numbers replaced by [verborgen]."""
    if not text:
        return text
    return _PHONE.sub(MASK, _EMAIL.sub(MASK, text))
