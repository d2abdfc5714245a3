"""Fixtures for the suggestion tests: a computer vraag in Meppel and aanbod around it."""
import pytest

from tests.factories import make_post

COMPUTER = "computer-en-telefoon"


@pytest.fixture
def vraag(accounts):
    """An open computer vraag of `inwoner` at 7941 AB (Meppel), any day."""
    return make_post("hulpvraag", author=accounts["inwoner"], title="Hulp met mijn computer en e-mail",
                     description="Mijn laptop doet raar en ik krijg mijn e-mail niet meer binnen.",
                     categories=COMPUTER)


def offer(author, *, title="Ik help graag", description="", categories=COMPUTER, place="7941 BC", travel_km=5,
          availability="za-middag", **fields):
    return make_post("hulpaanbod", author=author, title=title, description=description, categories=categories,
                     place=place, travel_km=travel_km, availability=availability, **fields)
