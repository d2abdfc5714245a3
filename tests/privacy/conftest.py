"""The matching fixtures (people, vraag, aanbod, make_match, log_in) for the privacy tests."""
from tests.matching.conftest import aanbod, log_in, make_match, people, vraag  # noqa: F401 (fixtures)
