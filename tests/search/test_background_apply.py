"""SEARCH_APPLY=background: a request's write does not wait for Whoosh; a thread applies the log right after, and
the author's next search reads their own write even before that thread got to it."""
import time

import flask
import pytest

from tests.factories import make_service
from webapp import search
from webapp.search import background


@pytest.fixture
def in_background(app):
    app.config["SEARCH_APPLY"] = "background"
    with app.test_request_context():
        yield app


def position(app):
    return app.extensions["search_index"].meta()[0]


def test_the_thread_applies_the_write_after_the_commit(in_background):
    service = make_service("Achtergrondhulp Meppel")
    written = flask.session[background.SESSION_KEY]
    deadline = time.monotonic() + 20
    while position(in_background) < written and time.monotonic() < deadline:
        time.sleep(0.02)
    assert position(in_background) >= written
    flask.session.pop(background.SESSION_KEY)  # another reader, not the author
    assert [hit.row_id for hit in search.search_kind("service", "achtergrondhulp").hits] == [service.id]


def test_the_author_reads_their_write_before_the_thread_applied_it(in_background, monkeypatch):
    class Asleep:
        def wake(self):
            pass
    monkeypatch.setattr(background, "_applier", lambda app: Asleep())
    service = make_service("Achtergrondhulp Nijeveen")
    assert position(in_background) < flask.session[background.SESSION_KEY]  # nothing applied it yet
    assert [hit.row_id for hit in search.search_kind("service", "achtergrondhulp").hits] == [service.id]
    assert background.SESSION_KEY not in flask.session  # caught up: the cookie forgets it


def test_outside_a_request_the_log_is_applied_inline(app):
    app.config["SEARCH_APPLY"] = "background"
    service = make_service("Inlinehulp Meppel")  # the command line, a timer: no response to hurry
    assert [hit.row_id for hit in search.search_kind("service", "inlinehulp").hits] == [service.id]
