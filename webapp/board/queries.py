"""What a search of the board asks, and the one way to build it from checked values (the form and the API)."""
from dataclasses import dataclass

from webapp.posts.vocab import OFFER, REQUEST

KINDS = (REQUEST, OFFER)


@dataclass(frozen=True)
class PostQuery:
    text: str = ""
    kinds: tuple = KINDS
    categories: tuple = ()  # a post matches when it has any of them
    near: str = ""
    near_point: tuple | None = None  # the resident's own position ("gebruik mijn locatie")
    radius_km: float | None = None
    gemeente: str | None = None
    page: int = 1
    per_page: int = 20


def post_query(*, text=None, kinds=KINDS, categories=(), near=None, near_point=None, radius_km=None,
               gemeente=None, page=None, per_page=20):
    """A PostQuery from values the board's form or the API's params already checked, trimmed alike.

    A typed place wins over the own position: who types a place after "gebruik mijn locatie" means that place.
    """
    near = (near or "").strip()
    return PostQuery(text=(text or "").strip(), kinds=tuple(kinds), categories=tuple(categories or ()), near=near,
                     near_point=None if near else near_point, radius_km=radius_km,
                     gemeente=(gemeente or "").strip() or None, page=page or 1, per_page=per_page)
