"""Finding open vragen and aanbod: the index finds the words and holds the public facts every hit is filtered,
counted and ordered by (masked title, categories, gemeente, public point, when published: its facts column, which
holds only posts that are open and public); the database decides what is shown: the page's posts are read
from it and one that is no longer open is left out (the index may lag a moment behind a change).

Distances are measured from the public (grid) point and rounded to half a kilometre; the exact point is
never read here.
"""
import math
from dataclasses import dataclass, field
from itertools import chain, islice

from sqlalchemy import select

from webapp import search
from webapp.board import scanning
from webapp.board.queries import PostQuery  # noqa: F401 (search_posts takes a PostQuery: importable here too)
from webapp.directory import ranking  # the kaart's place rules, distances and order are the board's too
from webapp.extensions import db
from webapp.posts.models import POST_CLASSES, Post
from webapp.posts.vocab import OPEN

MAX_MARKERS = 300  # what a map of the results can usefully show (as on the kaart)
CATEGORY_SLUGS = scanning.CATEGORY_SLUGS


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
    scan = scanning.Scan(place, query.radius_km, query.gemeente, query.categories)
    suggestion = None
    # The words scored once for every kind; a radius scores only the documents near the place (the box).
    for kind, found in search.search_kinds(query.kinds, query.text, box=scan.box).items():
        scan.run(kind, found)
        suggestion = suggestion or found.suggestion
    last_page = max(1, math.ceil(scan.total / query.per_page))
    page = min(query.page, last_page)  # a shared link to a page that no longer exists shows the last one
    start = (page - 1) * query.per_page
    ordered = scanning.in_order(scan, bool(query.text.strip()))
    row = _candidate_of(scan)
    first = [row(number) for number in islice(ordered, max(start + query.per_page, MAX_MARKERS))]
    rest = (row(number) for number in ordered)  # only when closed posts leave the page short
    items, shown = _load_page(chain(first[start:], rest), query.per_page)
    return PostResults(total=scan.total, page=page, last_page=last_page, items=items, facets=scan.facets,
                       place=place, suggestion=suggestion, markers=_markers(first[:MAX_MARKERS], shown))


def get_open_post(kind, post_id):
    """The open, public post of this kind, or None: every other status, and a vraag for the coördinator only, is
    private to its author and coördinatoren."""
    post = db.session.get(POST_CLASSES[kind], post_id)
    return post if post is not None and post.kind == kind and post.is_searchable() else None


def _candidate_of(scan):
    """A function giving the Candidate of a scan's row (only for the results shown and the map's)."""
    docnums, scores, distances, kinds = scan.rows

    def candidate(row):
        found, distance = scan.facts[int(docnums[row])], float(distances[row])
        return Candidate(row_id=found.row_id, kind=scan.kind_names[kinds[row]], score=float(scores[row]),
                         title=found.title, categories=found.themes & CATEGORY_SLUGS, gemeente=found.gemeente or "",
                         point=found.point, published=found.published,
                         distance_km=None if math.isnan(distance) else distance)
    return candidate


def _markers(first, shown):
    """The first results and this page's with a point, those the database says are open and public."""
    wanted = {id(c): c for c in first + shown if c.point is not None}
    ids = [c.row_id for c in wanted.values()]
    # The status is checked here, not in SQL: SQLite then reads every open post by the status index (3x slower).
    found = db.session.execute(select(Post.id, Post.status, Post.coordinator_only).where(Post.id.in_(ids))) \
        if ids else ()
    still_open = {row_id for row_id, status, only in found if status == OPEN and not only}
    return [c for c in wanted.values() if c.row_id in still_open]


def _load_page(candidates, count):
    """The first `count` of `candidates` (an iterable, read `count` at a time) whose post the database says is open
    and public, as ResultItems, and those candidates: one the index still holds a moment after it closed is skipped
    (the next one fills in)."""
    items, shown = [], []
    candidates = iter(candidates)
    while batch := list(islice(candidates, count)):
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
