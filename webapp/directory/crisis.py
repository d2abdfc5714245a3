"""Words that may mean someone is in danger: then the page shows where to get help now ("Direct hulp nodig?").

The one maintained list. A phrase matches whole words in order, case- and accent-insensitive ("Suïcide",
"SUICIDE"); a phrase ending in "*" also matches longer words ("zelfmoord*": zelfmoordgedachten). Nothing is
stored or counted because of a match, and nothing is refused: the search still runs, the form still saves.
"""
import re
import unicodedata

PHRASES = (
    # suicide
    "zelfmoord*", "suicide*", "suicidaal", "suicidale", "zelfdoding", "dood willen", "wil dood", "wil ik dood",
    "wil niet meer leven", "niet meer leven", "niet meer willen leven", "een eind aan maken", "een einde aan maken",
    "eind aan mijn leven", "einde aan mijn leven", "uit het leven stappen", "van het leven beroven",
    "levensmoe",
    # violence and abuse at home
    "mishandel*", "kindermishandel*", "ouderenmishandel*", "huiselijk geweld", "geweld thuis", "geslagen",
    "slaat mij", "slaat me", "schopt mij", "misbruik*", "seksueel geweld", "verkracht*", "aanranding",
    "veilig thuis", "bedreigd", "bedreigt mij",
)
_WORD = re.compile(r"[a-z0-9]+")


def words(text):
    """Lower-case words without accents: 'Suïcide!' -> ['suicide']."""
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii").lower()
    return _WORD.findall(folded)


_PATTERNS = tuple(tuple(words(phrase.rstrip("*"))) + (("*",) if phrase.endswith("*") else ())
                  for phrase in PHRASES)


def _matches(pattern, found, start):
    stem = pattern[-1] == "*"
    parts = pattern[:-1] if stem else pattern
    if start + len(parts) > len(found):
        return False
    for offset, part in enumerate(parts):
        word = found[start + offset]
        last = offset == len(parts) - 1
        if not (word == part or (stem and last and word.startswith(part))):
            return False
    return True


def browser_phrases():
    """The list as static/js/safety_net.js reads it (folded words, "*" for a stem): one list, never two."""
    return [" ".join(pattern).replace(" *", "*") for pattern in _PATTERNS]


def mentions_crisis(*texts):
    """Whether any of the texts holds a phrase of the list."""
    for text in texts:
        found = words(text)
        for start in range(len(found)):
            if any(_matches(pattern, found, start) for pattern in _PATTERNS):
                return True
    return False
