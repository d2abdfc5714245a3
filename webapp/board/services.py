"""Finding open vragen and aanbod: the index finds the words and holds the public facts every hit is filtered,
counted and ordered by (masked title, categories, gemeente, public point, when published: its facts column, which
holds only posts that are open and public); the database decides what is shown: the page's posts are read
from it and one that is no longer open is left out (the index may lag a moment behind a change).

Distances are measured from the public (grid) point and rounded to half a kilometre; the exact point is
never read here.
"""
import math
from dataclasses import dataclass, field

from sqlalchemy import select

from webapp import search
from webapp.board.queries import PostQuery  # noqa: F401 (search_posts takes a PostQuery: importable here too)
from webapp.directory import ranking  # the kaart's place rules, distances and order are the board's too
from webapp.extensions import db
from webapp.posts.models import POST_CLASSES, Post
from webapp.posts.privacy import round_distance
from webapp.posts.vocab import CATEGORIES, OPEN

MAX_MARKERS = 300  # what a map of the results can usefully show (as on the kaart)
CATEGORY_SLUGS = frozenset(CATEGORIES)


@dataclass
class Candidate:
    """A hit with the public facts of its post, from the index."""
    row_id: str
    kind: str
    score: float
    title: str = ""  # masked
    categories: frozenset = frozenset()
    gemeente: str = ""
    point: tuple | None = None  # the public point (posts.privacy: at least PRIVACY_K addresses share it)
    published: str = ""  # facts.Facts.published: sorts in time order
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
    markers: list = field(default_factory=list)  # the first MAX_MARKERS results with a point, and this page's


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
    items, shown = _load_page(matching[start:], query.per_page)
    return PostResults(total=len(matching), page=page, last_page=last_page, items=items, facets=facets,
                       place=place, suggestion=suggestion, markers=_markers(matching[:MAX_MARKERS], shown))


def get_open_post(kind, post_id):
    """The open, public post of this kind, or None: every other status, and a vraag for the coördinator only, is
    private to its author and coördinatoren."""
    post = db.session.get(POST_CLASSES[kind], post_id)
    return post if post is not None and post.kind == kind and post.is_searchable() else None


def _candidates(query):
    """The text hits of every asked kind with their public facts from the index."""
    candidates, suggestion = [], None
    for kind in query.kinds:
        found = search.search_kind(kind, query.text, ordered=False)  # _order sorts
        candidates += [_candidate(kind, hit) for hit in found.hits]
        suggestion = suggestion or found.suggestion
    return candidates, suggestion


def _candidate(kind, hit):
    found = hit.facts
    return Candidate(row_id=hit.row_id, kind=kind, score=hit.score, title=found.title,
                     categories=found.themes & CATEGORY_SLUGS, gemeente=found.gemeente or "", point=found.point,
                     published=found.published)


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
    candidates.sort(key=lambda c: (c.published, c.row_id), reverse=True)
    candidates.sort(key=ranking.relevance_key(candidates, by_relevance))


def _markers(first, shown):
    """The first results and this page's with a point, those the database says are open and public."""
    wanted = {id(c): c for c in first + shown if c.point is not None}
    ids = [c.row_id for c in wanted.values()]
    still_open = set(db.session.scalars(select(Post.id).where(
        Post.id.in_(ids), Post.status == OPEN, Post.coordinator_only.is_(False)))) if ids else set()
    return [c for c in wanted.values() if c.row_id in still_open]


def _load_page(candidates, count):
    """The first `count` of `candidates` whose post the database says is open and public, as ResultItems, and
    those candidates: one the index still holds a moment after it closed is skipped (the next one fills in)."""
    items, shown = [], []
    for start in range(0, len(candidates), count):
        batch = candidates[start:start + count]
        ids = [candidate.row_id for candidate in batch]
        by_id = {post.id: post for post in db.session.scalars(select(Post).where(Post.id.in_(ids)))}
        for candidate in batch:
            post = by_id.get(candidate.row_id)
            if post is not None and post.kind == candidate.kind and post.is_searchable():
                items.append(ResultItem(post, candidate.distance_km))
                shown.append(candidate)
            if len(items) == count:
                return items, shown
    return items, shown
