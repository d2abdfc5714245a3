"""k-anonymous public points: every public point stands for at least k addresses of the shipped data."""
from collections import Counter

import pytest

from tests.factories import make_post
from webapp.extensions import db
from webapp.geo.density import CELL_LAT, CELL_LON, address_counts, cell, centre, shared_point
from webapp.geo.gazetteer import DATA_DIR, _rows
from webapp.posts.models import Post

K = 50


def counted_points():
    """(point, addresses, in Meppel) for every counted address: Meppel's one by one, the rest of Drenthe by PC6."""
    for row in _rows(DATA_DIR / "meppel_adressen.csv"):
        yield (float(row.lat), float(row.lon)), 1, True
    for row in _rows(DATA_DIR / "drenthe_pc6.csv"):
        if row.gemeente != "Meppel":
            yield (float(row.lat), float(row.lon)), int(row.addresses), False


@pytest.mark.parametrize("k", [K, 10])
def test_every_meppel_address_shares_its_public_point_with_at_least_k(k):
    shared, meppel_points = Counter(), {}
    for point, addresses, in_meppel in counted_points():
        public = shared_point(point, k)
        shared[public] += addresses
        if in_meppel:
            meppel_points[point] = public
    assert len(meppel_points) > 19_000 and None not in meppel_points.values()
    assert min(shared[public] for public in meppel_points.values()) >= k
    for point, public in meppel_points.items():
        assert public != point
        # never further than the 8 km cell the address lies in
        assert abs(public[0] - point[0]) < 16 * CELL_LAT and abs(public[1] - point[1]) < 16 * CELL_LON


def test_the_lonely_addresses_of_the_old_grid_now_share_their_point():
    counts = address_counts()
    lonely = [point for point, _n, in_meppel in counted_points() if in_meppel and counts[cell(point, 0)] < 3]
    assert len(lonely) >= 27  # 27 were alone in their 500 m cell, 100 more shared it with at most two others
    for point in lonely:
        assert shared_point(point, K) != centre(cell(point, 0))
    # where many live, the point stays the 500 m cell's centre
    centre_of_meppel = (52.6958, 6.1937)
    assert shared_point(centre_of_meppel, K) == centre(cell(centre_of_meppel, 0))


def test_the_same_point_on_every_call():
    point = (52.7312, 6.1877)
    assert len({shared_point(point, K) for _ in range(20)}) == 1


def _api_point(client, post):
    body = client.get(f"/api/v1/hulpvragen/{post.id}").get_json()
    assert body["point_precision"] == "k-anoniem"
    return (body["point"]["lat"], body["point"]["lon"])


def test_a_post_at_a_lonely_address_is_shown_where_k_addresses_are(app, client):
    post = make_post("hulpvraag", place="Hesseltermade 1, Meppel")
    assert address_counts()[cell(post.exact_point, 0)] < 3
    assert post.public_point == shared_point(post.exact_point, K) != centre(cell(post.exact_point, 0))
    assert _api_point(client, post) == post.public_point


def test_outside_drenthe_a_post_is_shown_at_the_woonplaats(app, client):
    post = make_post("hulpvraag", place="Bussum")
    assert shared_point(post.exact_point, K) is None
    assert _api_point(client, post) == (52.27333, 5.16111)  # Bussum in the shipped places (GeoNames)


def test_privacy_points_recomputes_stored_points_and_the_index(app, client, runner):
    post = make_post("hulpvraag", place="Hesseltermade 1, Meppel")
    old = centre(cell(post.exact_point, 0))
    post.public_latitude, post.public_longitude = old  # as the 500 m grid stored it
    db.session.commit()
    app.config["PRIVACY_K"] = 200
    result = runner.invoke(args=["privacy", "points"])
    assert result.exit_code == 0 and "1 bericht(en) verplaatst" in result.output, result.output
    runner.invoke(args=["search", "follow"])
    stored = db.session.get(Post, post.id)
    db.session.refresh(stored)
    assert stored.public_point == shared_point(post.exact_point, 200) != old
    assert _api_point(client, post) == stored.public_point
    again = runner.invoke(args=["privacy", "points"])
    assert "0 bericht(en) verplaatst" in again.output
