"""The post services called directly, with a fixed 'today': the rules and what a refused call leaves behind."""
from datetime import date

import pytest

from tests.posts.helpers import all_posts
from webapp.errors import RuleViolation
from webapp.posts import services
from webapp.posts.data import OfferData, RequestData
from webapp.posts.vocab import CONCEPT, PENDING, WHEN_DATE, WHEN_PERIOD

TODAY = date(2030, 5, 15)


def _request(**fields):
    values = dict(title="Boodschappen", description="Een tas", category="boodschappen", when_kind=WHEN_DATE,
                  place="7941 AB", date_from=TODAY)
    return RequestData(**{**values, **fields})


def test_today_is_not_in_the_past(app, accounts):
    post = services.create_post(accounts["inwoner"], _request(), send=True, on=TODAY)
    assert (post.status, post.date_from) == (PENDING, TODAY)


@pytest.mark.parametrize("fields, field", [
    ({"date_from": date(2030, 5, 14)}, "date_from"),
    ({"when_kind": WHEN_PERIOD, "date_until": date(2030, 5, 14)}, "date_until"),
    ({"when_kind": "morgen"}, "when_kind"),
    ({"category": "onbekend"}, "category"),
])
def test_a_broken_rule_names_its_field_and_stores_nothing(app, accounts, fields, field):
    with pytest.raises(RuleViolation) as refused:
        services.create_post(accounts["inwoner"], _request(**fields), on=TODAY)
    assert field in [name for name, _message in refused.value.reasons]
    assert all_posts() == []


def test_an_offer_stores_its_slots_in_week_order(app, accounts):
    data = OfferData(title="Tuin", description="Maaien", categories=("tuin",), availability=("zo-avond", "ma-ochtend"),
                     travel_km=50, place="Rogat")
    post = services.create_post(accounts["inwoner"], data, on=TODAY)
    assert (post.status, post.availability, post.travel_km, post.woonplaats) == (CONCEPT, "ma-ochtend,zo-avond", 50,
                                                                                 "Rogat")
