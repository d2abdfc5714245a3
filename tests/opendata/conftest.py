import pytest


@pytest.fixture(autouse=True)
def many_requests(app):
    """These tests read every item of the demo data: more than the API's 120 per minute (tests/ratelimit checks it)."""
    app.config["RATELIMIT_API"] = "100000 per minute"
