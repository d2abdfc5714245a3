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
    assert outcome.ok


@pytest.mark.slow
def test_applier_killed_between_log_commit_and_index_commit_is_caught_up(app, runner, tmp_path):
    make_service("Voor de crash")
    db.session.remove()
    mark = tmp_path / "at-fault-point"
    process = start_writer(app, seed=9, writes=1, BUURTKAART_TEST_FAULT="stop-before-index-commit",
                           BUURTKAART_TEST_FAULT_MARK=str(mark))
    _wait_for(mark, process)
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


def _wait_for(mark, process, timeout=60):
    deadline = time.monotonic() + timeout
    while not mark.exists():
        assert process.poll() is None, process.communicate()[0]
        assert time.monotonic() < deadline, "the writer never reached the fault point"
        time.sleep(0.1)


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
    from sqlalchemy import select
    from sqlalchemy.orm import Session
    from webapp.search import log as index_log
    from webapp.search.models import IndexLog, SearchIndexState
    make_service("Een")
    make_service("Twee")
    with Session(db.engine) as session:  # a second server whose index applied only the first row
        session.add(SearchIndexState(id="other-server", location="elders:/index", position=1))
        session.commit()
        assert index_log.prune(session) == 1
        assert session.scalars(select(IndexLog.id)).all() == [2]

    make_service("Drie")  # ids go on after the pruned ones, also on SQLite
    with Session(db.engine) as session:
        assert session.scalars(select(IndexLog.id)).all() == [2, 3]
    assert verify(app).ok


def test_an_index_behind_the_pruned_log_is_rebuilt_by_follow(app, runner):
    from sqlalchemy.orm import Session
    from webapp.search import log as index_log
    from webapp.search.models import IndexLogFloor
    service = make_service("Gemist")
    with Session(db.engine) as session:
        session.add(IndexLogFloor(id=1, pruned_through=index_log.head(session) + 5))
        session.commit()
    writer = app.extensions["search_index"].open().writer()
    writer.delete_by_term("key", f"service:{service.id}")
    writer.commit()
    assert runner.invoke(args=["search", "follow"]).exit_code == 0
    assert verify(app).ok


def test_a_failing_applier_never_fails_the_committed_write(app, monkeypatch):
    def broken(*_args, **_kwargs):
        raise OSError("disk full")
    monkeypatch.setattr(applier, "catch_up", broken)
    service = make_service("Toch bewaard")
    db.session.expire_all()
    assert db.session.get(type(service), service.id).name == "Toch bewaard"
    monkeypatch.undo()
    make_service("Volgende")
    assert verify(app).ok


def test_a_reindex_while_processes_write_loses_nothing(app, runner):
    db.session.remove()
    writers = [start_writer(app, seed, 30) for seed in range(3)]
    for _ in range(3):
        assert runner.invoke(args=["search", "reindex"]).exit_code == 0
    for process in writers:
        finish(process)
    assert runner.invoke(args=["search", "follow"]).exit_code == 0
    result = runner.invoke(args=["search", "verify"])
    assert result.exit_code == 0, result.output


def test_renaming_an_organisation_reindexes_its_services(app):
    from webapp.directory.models import Organization
    from webapp.search import search_kind
    service = make_service("Inloop Oost", organization=Organization(name="Aardvark Welzijn"))
    service.organization.name = "Bizon Welzijn"
    db.session.commit()
    assert [hit.row_id for hit in search_kind("service", "bizon").hits] == [service.id]
    assert verify(app).ok
