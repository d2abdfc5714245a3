"""visible_text: typed text as typed only for the two sides of a confirmed match; masked for everyone else."""
import pytest

from webapp.matching.contacts import visible_text
from webapp.matching.models import ACCEPTED, CANCELLED, COMPLETED, CONFIRMED, PROPOSED

TYPED = "Bel mij op 06 - 12 - 34 - 56 - 78 of mail piet at example punt org"
MASKED = "Bel mij op [verborgen] of mail [verborgen]"


@pytest.mark.parametrize("status, shared", [(PROPOSED, False), (ACCEPTED, False), (CANCELLED, False),
                                            (CONFIRMED, True), (COMPLETED, True)])
def test_only_the_two_sides_of_a_confirmed_match_read_it_as_typed(app, people, make_match, status, shared):
    match = make_match(status)
    for role in ("asker", "helper"):
        assert visible_text(TYPED, people[role], match) == (TYPED if shared else MASKED), role
    for role in ("coordinator", "other", "beheerder"):
        assert visible_text(TYPED, people[role], match) == MASKED, role
    assert visible_text(TYPED, None, match) == MASKED


def test_without_a_match_it_is_masked(app, people):
    assert visible_text(TYPED, people["asker"]) == MASKED
