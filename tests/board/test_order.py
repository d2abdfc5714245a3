"""The board's order over every page, against its rules computed here from the posts themselves: relevance band of
the best score, rounded distance, score, then the newest first; and pages filled in when the index lags."""
import math
from datetime import timedelta

import pytest
from geopy.distance import EARTH_RADIUS
from sqlalchemy import update

from tests.factories import make_post
from webapp import geo, search
from webapp.board import services
from webapp.board.queries import KINDS
from webapp.board.services import PostQuery, search_posts
from webapp.directory.ranking import RELEVANCE_BAND
from webapp.extensions import db
from webapp.models_base import utcnow
from webapp.posts.models import Post
from webapp.posts.privacy import round_distance
from webapp.posts.vocab import OFFER, REQUEST, WITHDRAWN

TITLES = ("Boodschappen", "Boodschappen en boodschappen doen voor de buren", "Hulp in de tuin",
          "Boodschappen halen bij de supermarkt in het dorp", "Samen wandelen", "Boodschappen")
PLACES = ("7941 AB", "Nijeveen", "Rogat", "7942 JE", "Nijeveen", "7941 AB")
HOURS_AGO = (5, 11, 2, 7, 0, 9, 3, 10, 1, 6, 8, 4)  # published order unlike the order of making


@pytest.fixture
def posts(app):
    now = utcnow()
    return [make_post(REQUEST if n % 2 else OFFER, place=PLACES[n % len(PLACES)], title=TITLES[n % len(TITLES)],
                      categories="tuin" if n % 3 == 0 else "boodschappen", now=now - timedelta(hours=hours))
            for n, hours in enumerate(HOURS_AGO)]


def by_the_rules(text, near):
    """Row ids in the board's order, from the posts in the database and the index's scores, sorted whole."""
    origin = geo.locate(near).point[:2] if near else None
    rows = []
    for kind in KINDS:
        for hit in search.search_kind(kind, text).hits:
            post = db.session.get(Post, hit.row_id)
            distance = round_distance(geo.distance_km(origin, post.public_point)) if origin else None
            rows.append((hit.score, math.inf if distance is None else distance, post.published_at, post.id))
    top = max(row[0] for row in rows) if text and rows else 0.0
    rows.sort(key=lambda row: (row[2], row[3]), reverse=True)
    rows.sort(key=lambda row: (int((1 - row[0] / top) / RELEVANCE_BAND), row[1], -row[0]) if top else (0, row[1]))
    return [row[3] for row in rows]


def every_page(**asked):
    first = search_posts(PostQuery(per_page=5, **asked))
    found = [item.post.id for item in first.items]
    for page in range(2, first.last_page + 1):
        found += [item.post.id for item in search_posts(PostQuery(per_page=5, page=page, **asked)).items]
    return first, found


@pytest.mark.parametrize("text, near", [("boodschappen", ""), ("boodschappen", "Nijeveen"), ("", "Nijeveen"),
                                        ("", ""), ("boodschappen tuin", "Rogat")])
def test_every_page_follows_the_rules(posts, text, near):
    first, found = every_page(text=text, near=near)
    expected = by_the_rules(text, near)
    assert found == expected and first.total == len(expected) > 1
    last = search_posts(PostQuery(text=text, near=near, per_page=5, page=first.last_page + 3))
    assert last.page == first.last_page and [item.post.id for item in last.items] == expected[-len(last.items):]


def test_a_radius_and_categories_filter_and_count_like_the_rules(posts):
    origin = geo.locate("Nijeveen").point[:2]
    near = [post for post in posts if round_distance(geo.distance_km(origin, post.public_point)) <= 5]
    found = search_posts(PostQuery(near="Nijeveen", radius_km=5, categories=("tuin",), per_page=50))
    assert 0 < len(near) < len(posts)
    assert {item.post.id for item in found.items} == {post.id for post in near if post.categories == "tuin"}
    assert found.facets == {"categories": {slug: sum(post.categories == slug for post in near)
                                           for slug in ("tuin", "boodschappen")},
                            "kinds": {kind: sum(post.kind == kind for post in near) for kind in (OFFER, REQUEST)}}
    assert [item.post.id for item in found.items] == [row_id for row_id in by_the_rules("", "Nijeveen")
                                                      if row_id in {item.post.id for item in found.items}]


def test_posts_closed_after_the_first_results_are_filled_in_from_further_on(posts, monkeypatch):
    monkeypatch.setattr(services, "MAX_MARKERS", 2)  # the results ordered at first: 2, the page is 3
    expected = by_the_rules("boodschappen", "Nijeveen")
    # Closed in the database only, as if the index's writer were still busy.
    db.session.execute(update(Post).where(Post.id.in_(expected[:2])).values(status=WITHDRAWN))
    db.session.commit()
    found = search_posts(PostQuery(text="boodschappen", near="Nijeveen", per_page=3))
    assert [item.post.id for item in found.items] == expected[2:5]
    assert {marker.row_id for marker in found.markers} == set(expected[2:5]) and found.total == len(expected)


def test_a_distance_rounded_down_to_the_radius_counts(posts):
    post = posts[0]
    latitude, longitude = post.public_point
    south = (latitude - math.degrees(2.2 / EARTH_RADIUS), longitude)  # 2.2 km, shown as 2 km
    found = search_posts(PostQuery(near_point=south, radius_km=2, per_page=50))
    assert [item.distance_km for item in found.items if item.post.id == post.id] == [2.0]


def test_a_category_the_board_does_not_know_matches_nothing_but_the_counts_stay(posts):
    found = search_posts(PostQuery(categories=("onbekend",)))
    assert found.total == 0 and found.items == [] and found.markers == []
    assert found.facets == {"categories": {"tuin": 4, "boodschappen": 8}, "kinds": {OFFER: 6, REQUEST: 6}}
