"""search_posts: words, kinds, categories, place and radius, ordering, facets; only open posts, public points."""
import pytest
from sqlalchemy import update

from tests.board.helpers import board_posts, closed_posts
from tests.factories import make_post
from webapp import geo
from webapp.board.services import PostQuery, get_open_post, search_posts
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.posts.models import Post
from webapp.posts.vocab import OFFER, REQUEST, WITHDRAWN


def ids(results):
    return [item.post.id for item in results.items]


@pytest.fixture
def posts(app):
    return board_posts()


def test_words_find_the_posts_that_use_them(posts):
    found = search_posts(PostQuery(text="boodschappen"))
    assert set(ids(found)) == {posts["vraag_meppel"].id, posts["aanbod_meppel"].id}


def test_kinds_limit_to_vragen_or_aanbod(posts):
    assert ids(search_posts(PostQuery(text="boodschappen", kinds=(OFFER,)))) == [posts["aanbod_meppel"].id]
    assert ids(search_posts(PostQuery(text="boodschappen", kinds=(REQUEST,)))) == [posts["vraag_meppel"].id]


def test_categories_match_any_of_the_chosen(posts):
    assert ids(search_posts(PostQuery(categories=("tuin",)))) == [posts["vraag_nijeveen"].id]
    both = search_posts(PostQuery(categories=("tuin", "vervoer-en-begeleiding")))
    assert set(ids(both)) == {posts["vraag_nijeveen"].id, posts["aanbod_rogat"].id}


def test_without_words_or_place_the_newest_come_first(posts):
    order = ["vraag_meppel", "vraag_nijeveen", "aanbod_rogat", "aanbod_meppel"]
    assert ids(search_posts(PostQuery())) == [posts[name].id for name in order]


def test_with_a_place_the_nearest_come_first_at_rounded_distances_from_the_public_point(posts):
    found = search_posts(PostQuery(near="Nijeveen"))
    assert ids(found)[0] == posts["vraag_nijeveen"].id
    distances = [item.distance_km for item in found.items]
    assert distances == sorted(distances)
    origin = geo.locate("Nijeveen").point[:2]
    for item in found.items:
        assert item.distance_km % 0.5 == 0 and item.distance_km >= 0.5
        assert abs(item.distance_km - max(0.25, geo.distance_km(origin, item.post.public_point))) <= 0.25


def test_a_radius_keeps_only_posts_within_it(posts):
    assert ids(search_posts(PostQuery(near="Nijeveen", radius_km=2))) == [posts["vraag_nijeveen"].id]
    everything = search_posts(PostQuery(near="Nijeveen", radius_km=50))
    assert everything.total == 4
    assert all(item.distance_km <= 50 for item in everything.items)


def test_the_own_position_counts_as_a_place(posts):
    point = geo.locate("Nijeveen").point[:2]
    by_name, by_point = search_posts(PostQuery(near="Nijeveen")), search_posts(PostQuery(near_point=point))
    assert by_point.place.label == "uw locatie"
    assert [(i.post.id, i.distance_km) for i in by_point.items] == [(i.post.id, i.distance_km) for i in by_name.items]
    assert ids(search_posts(PostQuery(near_point=point, radius_km=2))) == [posts["vraag_nijeveen"].id]


def test_a_radius_needs_a_place_and_an_unknown_place_is_refused(posts):
    with pytest.raises(RuleViolation) as no_place:
        search_posts(PostQuery(radius_km=5))
    assert no_place.value.reasons[0][0] == "radius_km"
    with pytest.raises(RuleViolation) as unknown:
        search_posts(PostQuery(near="Nergenshuizen"))
    assert "Nergenshuizen" in unknown.value.reasons[0][1]


def test_the_gemeente_filter_ignores_case(posts):
    elders = make_post(REQUEST, place="Eelde", title="Boodschappen in Eelde")
    assert ids(search_posts(PostQuery(text="boodschappen", gemeente="tynaarlo"))) == [elders.id]
    assert elders.id not in ids(search_posts(PostQuery(gemeente="Meppel")))


def test_facets_count_categories_and_kinds_of_the_other_filters(posts):
    found = search_posts(PostQuery(text="boodschappen", categories=("computer-en-telefoon",)))
    assert ids(found) == [posts["aanbod_meppel"].id]
    assert found.facets == {"categories": {"boodschappen": 2, "computer-en-telefoon": 1},
                            "kinds": {REQUEST: 1, OFFER: 1}}


def test_markers_are_the_first_results_at_their_public_points_not_only_this_page(app):
    made = [make_post(REQUEST, place=place, title=f"Boodschappen {n}") for n, place in
            enumerate(["7941 AB", "Nijeveen", "Rogat"] * 3)]
    found = search_posts(PostQuery(per_page=4, page=2))
    assert len(found.items) == 4 and found.total == 9 and found.last_page == 3
    assert {m.row_id: m.point for m in found.markers} == {p.id: p.public_point for p in made}


def test_closed_posts_are_never_found(posts):
    closed = closed_posts()
    hidden = {post.id for post in closed}
    for query in (PostQuery(), PostQuery(text="boodschappen niemand"), PostQuery(near="Meppel")):
        found = search_posts(query)
        assert not hidden & set(ids(found)) and not hidden & {m.row_id for m in found.markers}
    assert all(get_open_post(post.kind, post.id) is None for post in closed)


def test_the_database_decides_even_when_the_index_lags(posts):
    [first] = search_posts(PostQuery(text="boodschappen", per_page=1)).items
    post = first.post
    [other] = {posts["vraag_meppel"].id, posts["aanbod_meppel"].id} - {post.id}
    # A status change the index has not seen (as if its writer were still busy).
    db.session.execute(update(Post).where(Post.id == post.id).values(status=WITHDRAWN))
    db.session.commit()
    found = search_posts(PostQuery(text="boodschappen"))
    assert ids(found) == [other] and post.id not in {m.row_id for m in found.markers}
    assert get_open_post(post.kind, post.id) is None
    # The index counts and orders; the page is checked in the database and the next open post fills in.
    assert ids(search_posts(PostQuery(text="boodschappen", per_page=1))) == [other]


def test_a_pending_edit_stays_out_of_sight_until_approved(posts):
    post = posts["vraag_nijeveen"]
    post.pending_changes = {"title": "Geheime nieuwe titel", "place_text": "Rogat"}
    db.session.commit()
    assert ids(search_posts(PostQuery(text="geheime"))) == []
    found = search_posts(PostQuery(text="snoeien"))
    assert [item.post.title for item in found.items] == ["Wie helpt bij het snoeien van de heg?"]


def test_an_open_post_is_found_by_its_own_kind_only(posts):
    vraag = posts["vraag_meppel"]
    assert get_open_post(REQUEST, vraag.id) is vraag
    assert get_open_post(OFFER, vraag.id) is None
    assert get_open_post(REQUEST, "bestaat-niet") is None
