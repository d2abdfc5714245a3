"""Whoosh full-text search, derived from the database through the index log. No routes, no request code.

Features use `search_kind(kind, text)` and load their rows from the database in the returned order.
"""
import logging
import time

from blinker import Namespace

from flask import current_app, has_request_context
from sqlalchemy.orm import Session

from webapp.epoch import current_epoch
from webapp.extensions import db
from webapp.privacy.erasure import account_erasing, forget_actor
from webapp.search import applier, background, cli, hooks, kinds, query, registry, vocabulary
from webapp.search import log as index_log
from webapp.search.index import SearchIndex
from webapp.search.schema import TEXT_FIELDS

logger = logging.getLogger(__name__)
CATCH_UP_EVERY = 2.0  # seconds; how often a reading process checks whether its index is behind the log
# Sent after every search with kind= and seconds= (webapp/ops counts it for /metrics).
searched = Namespace().signal("searched")


def init_app(app):
    """Point at the index folder (created on first use) and keep it in step with database commits."""
    app.extensions["search_index"] = SearchIndex(app.config["SEARCH_INDEX_DIR"])
    app.extensions["search_checked_at"] = 0.0
    hooks.register()
    app.cli.add_command(cli.search_group)
    account_erasing.connect(forget_vocabulary_actor)  # the change log keeps an anonymous id


def forget_vocabulary_actor(user):
    forget_actor(vocabulary.SynonymGroupChange.actor, user)


def warm_up(app):
    """Open this thread's searcher and read the facts and kinds of every document (a worker's first search)."""
    searcher = app.extensions["search_index"].searcher()
    query.facts.for_searcher(searcher)
    query.flat.warm_up(searcher, TEXT_FIELDS)
    for kind in registry.searchable_models():
        query.kind_documents(searcher, kind)


def search_kind(kind, text, ordered=True, box=None):
    """Documents of one kind matching the text, best first (`ordered=False`: in index order, for callers that
    order them themselves): a TextSearch with hits (row_id, score, facts), a suggestion and how many matched.
    `box`: only documents in or near it, or without a point (query.find)."""
    return _timed(kind, lambda searcher, groups: query.find(searcher, kind, text, groups, ordered, box))


def search_kinds(kinds_asked, text, box=None):
    """{kind: kinds.Matches} for each of `kinds_asked`: the documents, scores, suggestion and count that
    `search_kind(kind, text, ordered=False, box=box)` gives, as arrays, with the words scored once for all kinds
    (kinds.py). Counted in the metrics as one search of the kinds joined by "+"."""
    return _timed("+".join(kinds_asked),
                  lambda searcher, groups: kinds.find_kinds(searcher, kinds_asked, text, groups, box))


def score_rows(kind, text, row_ids):
    """{row id: score} of those of `row_ids` (documents of `kind`) that match the text, scoring only them (for a
    caller that already knows its candidates): the scores `search_kind` gives the same documents."""
    return _timed(kind, lambda searcher, groups: query.score_rows(searcher, kind, text, row_ids, groups))


def fact_values(kind, name):
    """The distinct values of one fact (a field of facts.Facts, e.g. "gemeente") over the documents of `kind`, sorted:
    read once per searcher, which lives until the index changes, so a database change counts once the index has
    followed it (at once for its author, within about one apply for others: SEARCH_APPLY in the README)."""
    return query.fact_values(_current_searcher(current_app._get_current_object()), kind, name)


def version():
    """What this process's searches read now: the index (database epoch and log position, after the catch-up a
    search would do) and the synonym groups. A page built from searches stays true while this stays the same
    (webapp/pagecache)."""
    app = current_app._get_current_object()
    _current_searcher(app)
    meta = app.extensions["search_index"].meta()
    return meta.epoch, meta.position, hash(vocabulary.current_groups())


def _timed(kind, run):
    app = current_app._get_current_object()
    started = time.perf_counter()
    searcher = _current_searcher(app)
    groups = vocabulary.current_groups()  # a few rows; a beheerder's change counts from the next search on
    found = run(searcher, groups)
    searched.send(app, kind=kind, seconds=time.perf_counter() - started)
    return found


def _current_searcher(app):
    """This thread's searcher, after catching up with other processes' writes and this browser's own."""
    _catch_up_if_behind(app)
    _read_your_writes(app)
    return app.extensions["search_index"].searcher()


def _read_your_writes(app):
    try:
        background.read_your_writes(app, lambda: app.extensions["search_index"].meta().position)
    except Exception:
        logger.warning("bringing the search index up to this browser's write failed", exc_info=True)


def _catch_up_if_behind(app):
    """Another process or server may have committed: apply its log rows here too, at most every 2 s.

    Only when the lock is free, and never an error for the resident: this is a read. An index that cannot
    follow the database (restored: another epoch, or ahead of its log) is rebuilt once: in a request with
    SEARCH_APPLY=background by this process's apply thread (this search still reads the old index), else here.
    """
    now = time.monotonic()
    if now - app.extensions["search_checked_at"] < CATCH_UP_EVERY:
        return
    app.extensions["search_checked_at"] = now
    try:
        with Session(db.engine) as session:
            meta = app.extensions["search_index"].meta()
            behind = index_log.head(session) != meta.position or current_epoch(session) != meta.epoch
        if behind:
            in_background = app.config.get("SEARCH_APPLY", "background") == "background" and has_request_context()
            try:
                applier.catch_up(app, lock_timeout=0, rebuild=not in_background)
            except applier.NeedsRebuild:
                background.rebuild_soon(app)
    except Exception:
        logger.warning("catching up the search index on a read failed; `search follow` will", exc_info=True)
