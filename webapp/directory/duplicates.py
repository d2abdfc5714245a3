"""Likely duplicates: voorzieningen with a similar name in the same place (rapidfuzz).

One rule for every caller: the HSDS import reports them instead of adding a second copy, and beheer shows them
as "mogelijk dubbel".
"""
import re
import unicodedata

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from webapp.directory.models import Service, ServiceAtLocation
from webapp.extensions import db

NAME_CUTOFF = 85  # how alike (0-100) the names are without the place's words and filler words
FILLER = {"stichting", "de", "het", "een", "van", "en", "voor", "in"}  # words that do not tell voorzieningen apart


def likely_duplicates(name, place, among=None):
    """The voorzieningen whose name is like `name` and that are in `place`, most alike first.

    `place` is a woonplaats or gemeente name (None or "": anywhere). `among` is an iterable of Service objects
    (or of objects with `name` and `place`); by default every voorziening that is not archived. The place's own
    words do not count in the names, so "Geldloket Meppel" is like "Geldloket" in Meppel.
    """
    candidates = [item for item in (_active_services() if among is None else among)
                  if _in_place(item, place)]
    query = _comparable(name, place)
    if not query or not candidates:
        return []
    scored = [(_score(query, _comparable(item.name, place)), index) for index, item in enumerate(candidates)]
    return [candidates[index] for score, index in sorted(scored, key=lambda hit: (-hit[0], hit[1]))
            if score >= NAME_CUTOFF]


def _score(one, other):
    """Alike in any word order ("Loket Geld"), or written together or apart ("Taal-huis", "Taalhuis")."""
    return max(fuzz.token_sort_ratio(one, other), fuzz.ratio(one.replace(" ", ""), other.replace(" ", "")))


def _active_services():
    return db.session.scalars(
        select(Service).where(Service.archived_at.is_(None))
        .options(selectinload(Service.locations).selectinload(ServiceAtLocation.location))
        .order_by(Service.name, Service.id))


def _in_place(item, place):
    wanted = _fold(place)
    return not wanted or wanted in {_fold(name) for name in _places(item)}


def _places(item):
    if isinstance(item, Service):
        yield item.gemeente
        for link in item.locations:
            yield link.location.woonplaats
            yield link.location.gemeente
    else:
        yield getattr(item, "place", None)


def _comparable(name, place):
    words = _fold(name).split()
    drop = set(_fold(place).split()) | FILLER
    return " ".join(word for word in words if word not in drop) or " ".join(words)


def _fold(text):
    plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain.lower()).split())
