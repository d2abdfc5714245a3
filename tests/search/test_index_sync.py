"""The index follows the database through the index log, across processes, crashes and busy locks."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.factories import make_service
from webapp.extensions import db
from webapp.search import applier
from webapp.search.rebuild import verify

WRITER = Path(__file__).with_name("writer_process.py")
ROOT = Path(__file__).resolve().parents[2]


def start_writer(app, seed, writes, **env):
    return subprocess.Popen(
        [sys.executable, str(WRITER), app.config["SQLALCHEMY_DATABASE_URI"], app.config["SEARCH_INDEX_DIR"],
         str(seed), str(writes)],
        cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def finish(process, timeout=240):
    output, _ = process.communicate(timeout=timeout)
    assert process.returncode == 0, output


@pytest.mark.slow
def test_four_processes_with_200_mixed_writes_end_in_step(app, runner):
    db.session.remove()
    writers = [start_writer(app, seed, 50) for seed in range(4)]
    for process in writers:
        finish(process)

    result = runner.invoke(args=["search", "follow"])
    assert result.exit_code == 0, result.output
    check = runner.invoke(args=["search", "verify"])
    assert check.exit_code == 0, check.output
    outcome = verify(app)
    assert outcome.position == outcome.head >= 200  # every write logged at least once
    assert len(outcome.missing + outcome.extra + outcome.stale) == 0


@pytest.mark.slow
def test_applier_killed_between_log_commit_and_index_commit_is_caught_up(app, runner):
    make_service("Voor de crash")
    db.session.remove()
    process = start_writer(app, seed=9, writes=1, BUURTKAART_TEST_FAULT="stop-before-index-commit")
    _wait_until_logged(app, process)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)

    assert not verify(app).ok  # the database has the row, the index does not
    result = runner.invoke(args=["search", "follow"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(args=["search", "verify"]).exit_code == 0


def test_next_writer_catches_up_after_a_crash(app, monkeypatch):
    make_service("Eerste")
    with monkeypatch.context() as patch:  # a process that committed its log row and died before applying it
        patch.setattr(applier, "catch_up", lambda *args, **kwargs: None)
        lost = make_service("Tweede")
    assert verify(app).missing == [f"service:{lost.id}"]

    make_service("Derde")  # the next writer applies everything up to the head
    assert verify(app).ok


def _wait_until_logged(app, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if verify(app).head >= 2:
            time.sleep(1.0)  # let it reach the fault point inside the applier
            return
        assert process.poll() is None, process.stdout.read()
        time.sleep(0.2)
    raise AssertionError("the writer never committed")


def test_verify_reports_missing_extra_and_stale_documents(app, runner, monkeypatch):
    kept = make_service("Blijft")
    changed = make_service("Verandert")
    removed = make_service("Verdwijnt")
    assert runner.invoke(args=["search", "verify"]).exit_code == 0

    index = app.extensions["search_index"]
    writer = index.open().writer()
    writer.delete_by_term("key", f"service:{kept.id}")          # missing
    writer.add_document(key="service:ghost", kind="service", row_id="ghost", version=1, title="Spook")  # extra
    writer.commit()
    changed.summary = "nieuw"
    removed.name = "Weg"
    with monkeypatch.context() as patch:                         # stale: version moved on, index did not
        patch.setattr(applier, "catch_up", lambda *args, **kwargs: None)
        db.session.commit()

    result = runner.invoke(args=["search", "verify"])
    assert result.exit_code == 1
    assert f"ontbreekt: service:{kept.id}" in result.output
    assert "te veel: service:ghost" in result.output
    assert f"verouderd: service:{changed.id}" in result.output
    assert f"verouderd: service:{removed.id}" in result.output


def test_reindex_rebuilds_a_lost_index_folder(app, runner):
    import shutil
    make_service("Geldloket Test", description="hulp bij schulden")
    shutil.rmtree(app.config["SEARCH_INDEX_DIR"])
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert "1 documenten" in result.output
    assert runner.invoke(args=["search", "verify"]).exit_code == 0


def test_prune_keeps_rows_an_index_still_needs(app):
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session
    from webapp.search.models import IndexLog
    make_service("Een")
    make_service("Twee")
    with Session(db.engine) as session:
        pruned = applier.prune(session)
        remaining = session.scalar(select(func.count()).select_from(IndexLog))
    assert pruned == 2 and remaining == 0
    make_service("Drie")
    assert verify(app).ok
