"""`flask backup` while writers run, `flask restore` into an empty database, and the search index that notices."""
import json
import time

import pytest
from sqlalchemy import func, select

from tests.conftest import verify_ok
from tests.factories import make_service
from tests.search.test_index_sync import finish, start_writer
from webapp.directory.models import Service
from webapp.epoch import current_epoch
from webapp.extensions import db
from webapp.search import background
from webapp.search.models import IndexLog

API = "/api/v1/voorzieningen"


def names(client, text):
    return [item["name"] for item in client.get(API, query_string={"q": text}).get_json()["results"]]


def back_up(runner, folder):
    result = runner.invoke(args=["backup", str(folder)])
    assert result.exit_code == 0, result.output
    return json.loads((folder / "manifest.json").read_text())


def restore(app, folder):
    with app.app_context():  # the command runs in the app whose context is pushed last
        result = app.test_cli_runner().invoke(args=["restore", str(folder)])
    assert result.exit_code == 0, result.output
    return result


def count(model):
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.mark.slow
def test_a_backup_made_during_four_writers_restores_with_its_counts_and_a_working_index(
        app, runner, restored_app, tmp_path):
    make_service("Buurthuis De Weide", description="koffie en ontmoeting")
    db.session.remove()
    writers = [start_writer(app, seed, 40) for seed in range(4)]
    _wait_until(lambda: count(Service) >= 20, writers)
    manifest = back_up(runner, tmp_path / "backup")
    for process in writers:
        finish(process)
    assert runner.invoke(args=["search", "follow"]).exit_code == 0  # the old index: at the original's head
    original_epoch = current_epoch(db.session)

    assert manifest["schema_revision"] and manifest["sha256"] and manifest["made_at"]
    assert 20 <= manifest["row_counts"]["services"] <= count(Service)
    restore(restored_app, tmp_path / "backup")

    with restored_app.app_context():
        assert count(Service) == manifest["row_counts"]["services"]
        assert count(IndexLog) == manifest["row_counts"]["index_log"]
        assert current_epoch(db.session) not in ("", original_epoch)
        client = restored_app.test_client()
        assert names(client, "koffie ontmoeting") == ["Buurthuis De Weide"]  # the first search rebuilds
        verify_ok(restored_app.test_cli_runner())
        db.session.rollback()  # a new request: not on the snapshot of the reads above
        make_service("Repair Café Meppel", description="kapotte spullen samen maken")
        assert names(client, "kapotte spullen") == ["Repair Café Meppel"]
        verify_ok(restored_app.test_cli_runner())


def test_an_index_of_another_epoch_is_rebuilt_even_when_its_log_position_fits(app, runner, restored_app, tmp_path):
    make_service("Voor de back-up")
    back_up(runner, tmp_path / "backup")
    make_service("Alleen in het origineel", description="verdwenen na terugzetten")  # index and log: one ahead
    restore(restored_app, tmp_path / "backup")

    with restored_app.app_context():
        make_service("Na het terugzetten", description="nieuw na terugzetten")  # the log is as long again
        client = restored_app.test_client()
        assert names(client, "terugzetten") == ["Na het terugzetten"]
        verify_ok(restored_app.test_cli_runner())


def test_restore_refuses_a_database_that_is_not_empty(app, runner, tmp_path):
    make_service("Blijft staan")
    back_up(runner, tmp_path / "backup")
    result = runner.invoke(args=["restore", str(tmp_path / "backup")])
    assert result.exit_code == 1
    assert "niet leeg" in result.output
    assert count(Service) == 1


def test_restore_refuses_a_damaged_backup(runner, restored_app, tmp_path):
    manifest = back_up(runner, tmp_path / "backup")
    with open(tmp_path / "backup" / manifest["file"], "ab") as handle:
        handle.write(b"kapot")
    with restored_app.app_context():
        result = restored_app.test_cli_runner().invoke(args=["restore", str(tmp_path / "backup")])
    assert result.exit_code == 1
    assert "controlesom" in result.output


def test_backup_refuses_a_folder_that_already_holds_one(runner, tmp_path):
    back_up(runner, tmp_path / "backup")
    result = runner.invoke(args=["backup", str(tmp_path / "backup")])
    assert result.exit_code == 1
    assert "al een back-up" in result.output


def _wait_until(condition, processes, timeout=120):
    deadline = time.monotonic() + timeout
    while not condition():
        db.session.remove()
        for process in processes:
            assert process.poll() is None or process.returncode == 0, process.communicate()[0]
        assert time.monotonic() < deadline, "the writers did not get going"
        time.sleep(0.1)
    db.session.remove()


def test_with_background_apply_a_search_wakes_the_apply_thread_to_rebuild_and_does_not_wait(
        app, runner, restored_app, tmp_path, monkeypatch):
    make_service("Buurthuis De Weide", description="koffie en ontmoeting")
    back_up(runner, tmp_path / "backup")
    make_service("Alleen in het origineel", description="koffie")
    restore(restored_app, tmp_path / "backup")
    restored_app.config["SEARCH_APPLY"] = "background"  # as on a site
    woken = []

    class Asleep:
        def wake(self):
            woken.append(True)
    with restored_app.app_context():
        index = restored_app.extensions["search_index"]
        client = restored_app.test_client()
        with monkeypatch.context() as patch:
            patch.setattr(background, "_applier", lambda _app: Asleep())
            names(client, "koffie")  # answered from the old index
        assert woken and index.meta().epoch != current_epoch(db.session)  # not rebuilt in the request

        restored_app.extensions["search_checked_at"] = 0.0
        names(client, "koffie")  # now the real thread rebuilds
        deadline = time.monotonic() + 60
        while index.meta().epoch != current_epoch(db.session) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert names(client, "koffie") == ["Buurthuis De Weide"]
        verify_ok(restored_app.test_cli_runner())
