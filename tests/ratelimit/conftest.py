"""A clock for the limiter's database storage that the tests can move forward."""
import time

import pytest

from webapp.ratelimit import storage


class Clock:
    def __init__(self):
        self.moment = time.time()

    def __call__(self):
        return self.moment

    def advance(self, seconds):
        self.moment += seconds


@pytest.fixture
def clock(monkeypatch):
    moving = Clock()
    monkeypatch.setattr(storage, "now", moving)
    return moving
