"""Applying the index log after the response (SEARCH_APPLY=background, the default for requests).

A request's write waits only for its database commit and log rows (about 250 ms less at 100,000 documents): one
thread per process applies the log right after, coalescing what several requests wrote. The author reads their
own write anyway: the session remembers the log position of their last write, and their next search first
brings the index up to it (waiting for this thread's lock if needed). Others see it within the time of one
apply; `search follow --watch` or the next writer picks up what a stopped process left in the log.
"""
import logging
import os
import threading
import time

from flask import has_request_context, session

from webapp.search import applier

logger = logging.getLogger(__name__)
SESSION_KEY = "search_written"  # the log position of this browser's last write
AUTHOR_WAIT = 5.0  # seconds the author's next search waits for the index lock
BUSY_RETRY = 0.05  # seconds between tries while another process holds the lock

_threads = {}  # {(pid, id(app)): _Applier}
_lock = threading.Lock()


def after_commit(app, position):
    """The log is written up to `position`: apply it inline, or in the background inside a request."""
    if has_request_context():
        session[SESSION_KEY] = max(position, session.get(SESSION_KEY, 0))
    if app.config.get("SEARCH_APPLY", "background") == "background" and has_request_context():
        _applier(app).wake()
    else:
        applier.catch_up(app)


def rebuild_soon(app):
    """The index must be rebuilt (after a restore): this process's apply thread does it, once across the
    server's processes (the applier's rebuild lock), while requests go on reading the old index."""
    _applier(app).wake()


def read_your_writes(app, index_position):
    """Before a search in a request: the index must hold what this browser wrote."""
    if not has_request_context() or SESSION_KEY not in session:
        return
    if index_position() < session[SESSION_KEY]:
        applier.catch_up(app, lock_timeout=AUTHOR_WAIT)
    if index_position() >= session[SESSION_KEY]:
        session.pop(SESSION_KEY)


def _applier(app):
    key = (os.getpid(), id(app))  # a forked worker starts its own thread
    with _lock:
        if key not in _threads:
            _threads[key] = _Applier(app)
        return _threads[key]


class _Applier:
    def __init__(self, app):
        self.app, self.wanted = app, threading.Event()
        threading.Thread(target=self._run, name="search-apply", daemon=True).start()

    def wake(self):
        self.wanted.set()

    def _run(self):
        while True:
            self.wanted.wait()
            self.wanted.clear()
            with self.app.app_context():
                self._apply_until_done()

    def _apply_until_done(self):
        try:
            while applier.catch_up(self.app, lock_timeout=1.0) is None:  # busy: another writer holds the lock
                time.sleep(BUSY_RETRY)
        except Exception:  # committed and logged: the next writer, a reader or `search follow` applies it
            logger.exception("applying the index log in the background failed; it stays in the log")
