"""gunicorn's access log without secrets: `--logger-class webapp.privacy.access_log.RedactingLogger`.

Every line is built from the request (line, path, query, referer, headers) and the answer (a redirect's
Location). Before it is written, the links of one use (confirm, reset, change e-mail, unsubscribe) lose their
token, and the query parameters that carry a place, a point, an address or what someone searched for lose
their value: `/wachtwoord-herstellen/[weg]`, `/zoeken?q=[weg]&plaats=[weg]&straal=5`. The rest stays, so the
log still shows which pages are used and how fast.
"""
import re

from gunicorn.glogging import Logger

GONE = "[weg]"
# The routes whose last part is a token (accounts: registration, reset, e-mail change, unsubscribe; providers:
# the link to check a listing).
TOKEN_PATH = re.compile(
    r"(/(?:bevestigen|wachtwoord-herstellen|afmelden|e-mail/bevestigen|controleren)/)[^/?#\s\"]+")
# A place, a point or an address (plaats, bij, near, lat, lon ...), search words, an e-mail address, a token.
SECRET_PARAMETERS = ("plaats", "bij", "near", "lat", "lon", "lng", "punt", "adres", "postcode", "q", "zoek",
                     "email", "e-mail", "token", "next")
SECRET_QUERY = re.compile(r"([?&;](?:%s)=)[^&;#\s\"]*" % "|".join(re.escape(name) for name in SECRET_PARAMETERS),
                          re.IGNORECASE)
FIELDS = ("r", "U", "f", "{referer}i", "{location}o")


def redact(text):
    """A request line, path, query or URL without tokens and without the values of the secret parameters."""
    if not text or not isinstance(text, str):
        return text
    return SECRET_QUERY.sub(lambda found: found.group(1) + GONE, TOKEN_PATH.sub(r"\1" + GONE, text))


class RedactingLogger(Logger):
    """gunicorn's Logger whose access lines never hold a token, a place, a point or search words."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for name in FIELDS:
            if name in atoms:
                atoms[name] = redact(atoms[name])
        if atoms.get("q"):  # the bare query string
            atoms["q"] = redact("?" + atoms["q"])[1:]
        return atoms


def _redacting(name):
    """gunicorn's error log names the request too ("Error handling request GET /inloggen?email=..."): the same."""
    def method(self, msg, *args, **kwargs):
        getattr(Logger, name)(self, redact(msg), *(redact(arg) for arg in args), **kwargs)
    method.__name__ = name
    return method


for _name in ("critical", "error", "warning", "info", "debug", "exception"):
    setattr(RedactingLogger, _name, _redacting(_name))
