"""Small text helpers used across packages."""
import re
import unicodedata


def slugify(text):
    """'Geldloket Meppel' -> 'geldloket-meppel'; accents folded, anything else becomes a hyphen."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
