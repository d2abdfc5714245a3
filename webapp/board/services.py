"""Finding open vragen and aanbod: the index finds the words, the database decides what is open and public.

Distances are measured from the public (grid) point and rounded to half a kilometre; the exact point is
never read here.
"""
import math
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from webapp import search
from webapp.board.queries import PostQuery  # noqa: F401 (search_posts takes a PostQuery: importable here too)
from webapp.directory import ranking  # the kaart's place rules, distances and order are the board's too
from webapp.extensions import db
from webapp.posts.models import POST_CLASSES, Post
from webapp.posts.privacy import round_distance
from webapp.text import mask_contact
from webapp.posts.vocab import CATEGORIES, OPEN

BATCH = 500  # ids per IN (...) query; SQLite allows at most 32,766 variables


@dataclass
class Candidate:
    """A hit with the public facts of its post, read from the database (the index may lag a moment)."""
    row_id: str
    kind: str
    score: float
    title: str = ""  # masked
    categories: frozenset = frozenset()
    gemeente: str = ""
    point: tuple | None = None  # the public point (posts.privacy: at least PRIVACY_K addresses share it)
    published_at: datetime | None = None
    distance_km: float | None = None  # rounded to 0.5 km


@dataclass
class ResultItem:
    post: Post
    distance_km: float | None


@dataclass
class PostResults:
    total: int
    page: int
    last_page: int
    items: list  # [ResultItem] for this page
    facets: dict = field(default_factory=dict)  # {"categories": {slug: n}, "kinds": {kind: n}}
    place: object = None
    suggestion: str | None = None
    markers: list = field(default_factory=list)  # every result with a point, not only this page


def search_posts(query):
    """Open posts for the words, categories and place of `query`.

    With words: most relevant first (in bands, as on the kaart), nearest breaking ties, then newest.
    Without words: nearest first when a place is given, else newest first. Raises RuleViolation for a place
    we cannot find, or a radius without a place.
    """
    place = ranking.place_of(query)
    candidates, suggestion = _candidates(query)
    # The box has a 1 km margin: a distance rounded down to the radius still counts.
    ranking.measure(candidates, place, query.radius_km, rounded=round_distance, margin_km=1)
    candidates = [c for c in candidates if _admit(query, c)]
    facets = _facets(candidates)
    wanted = set(query.categories)
    matching = [c for c in candidates if not wanted or wanted & c.categories]
    _order(matching, bool(query.text.strip()))
    last_page = max(1, math.ceil(len(matching) / query.per_page))
    page = min(query.page, last_page)  # a shared link to a page that no longer exists shows the last one
    start = (page - 1) * query.per_page
    return PostResults(total=len(matching), page=page, last_page=last_page,
                       items=_load_page(matching[start:start + query.per_page]), facets=facets, place=place,
                       suggestion=suggestion, markers=[c for c in matching if c.point is not None])


def get_open_post(kind, post_id):
    """The open, public post of this kind, or None: every other status, and a vraag for the coördinator only, is
    private to its author and coördinatoren."""
    post = db.session.get(POST_CLASSES[kind], post_id)
    return post if post is not None and post.kind == kind and post.is_searchable() else None


def _candidates(query):
    """The text hits of every asked kind, kept only when the database says the post is open."""
    hits, suggestion = [], None
    for kind in query.kinds:
        found = search.search_kind(kind, query.text, ordered=False)  # _order sorts
        hits += [(kind, hit) for hit in found.hits]
        suggestion = suggestion or found.suggestion
    rows = _open_rows([hit.row_id for _kind, hit in hits])
    return [_candidate(kind, hit.score, rows[hit.row_id]) for kind, hit in hits if hit.row_id in rows], suggestion


def _open_rows(ids):
    columns = (Post.id, Post.title, Post.categories, Post.gemeente, Post.public_latitude, Post.public_longitude,
               Post.published_at)
    rows = {}
    for start in range(0, len(ids), BATCH):
        statement = select(*columns).where(Post.id.in_(ids[start:start + BATCH]), Post.status == OPEN)
        rows.update((row.id, row) for row in db.session.execute(statement))
    return rows


def _candidate(kind, score, row):
    point = (row.public_latitude, row.public_longitude) if row.public_latitude is not None else None
    return Candidate(row_id=row.id, kind=kind, score=score, title=mask_contact(row.title),
                     categories=frozenset(s for s in row.categories.split(",") if s in CATEGORIES),
                     gemeente=row.gemeente, point=point, published_at=row.published_at)


def _admit(query, candidate):
    """The filters other than category: radius (on the rounded distance the resident sees) and gemeente."""
    if query.radius_km is not None and (candidate.distance_km is None or candidate.distance_km > query.radius_km):
        return False
    return not query.gemeente or (candidate.gemeente or "").casefold() == query.gemeente.strip().casefold()


def _facets(candidates):
    """How many results each category and each kind has, with the other filters applied."""
    categories, kinds = {}, {}
    for candidate in candidates:
        kinds[candidate.kind] = kinds.get(candidate.kind, 0) + 1
        for slug in candidate.categories:
            categories[slug] = categories.get(slug, 0) + 1
    return {"categories": categories, "kinds": kinds}


def _order(candidates, by_relevance):
    """The kaart's order (relevance band, distance, score); the newest first among equals (stable sorts)."""
    candidates.sort(key=lambda c: (c.published_at is not None, c.published_at or 0, c.row_id), reverse=True)
    candidates.sort(key=ranking.relevance_key(candidates, by_relevance))


def _load_page(candidates):
    ids = [c.row_id for c in candidates]
    by_id = {post.id: post for post in db.session.scalars(select(Post).where(Post.id.in_(ids)))} if ids else {}
    return [ResultItem(by_id[c.row_id], c.distance_km) for c in candidates if c.row_id in by_id]
