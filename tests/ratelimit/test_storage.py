"""The limiter's database storage: shared counts, windows that end, give-back, and its own transaction."""
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from webapp import ratelimit
from webapp.database import begin_write
from webapp.extensions import db
from webapp.ratelimit.storage import DatabaseStorage


def test_the_scheme_is_registered_with_limits(app):
    assert isinstance(storage_from_string(ratelimit.storage_uri(app)), DatabaseStorage)


def test_two_storages_on_one_place_share_their_counts_and_windows_end(app, clock):
    first, second = (storage_from_string(ratelimit.storage_uri(app)) for _worker in range(2))  # two workers
    limit = parse("3 per minute")
    strategies = [FixedWindowRateLimiter(first), FixedWindowRateLimiter(second)]
    assert [strategies[n % 2].hit(limit, "k") for n in range(4)] == [True, True, True, False]
    first.incr(limit.key_for("k"), limit.get_expiry(), amount=-1)  # giving one back
    assert second.get(limit.key_for("k")) == 3
    clock.advance(61)
    assert second.get(limit.key_for("k")) == 0 and strategies[1].hit(limit, "k")
    for storage in (first, second):
        storage.dispose()


def test_giving_back_never_goes_below_zero(app, clock):
    storage = storage_from_string(ratelimit.storage_uri(app))
    assert storage.incr("nothing-yet", 60, amount=-1) == 0
    assert storage.incr("nothing-yet", 60) == 1
    storage.dispose()


def test_a_hit_does_not_wait_for_the_sites_write_transaction(app, clock):
    with app.test_request_context():
        begin_write(db.session)  # the site's database is locked for writing by this session
        assert ratelimit.allowed("RATELIMIT_REGISTER", "192.0.2.1")
        db.session.rollback()
