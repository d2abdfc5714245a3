"""/healthz: the database, this server's index lag, the outbox and the timers, as JSON for a load balancer."""
from tests.factories import make_service
from webapp.extensions import db
from webapp.mail.models import OutboxMail
from webapp.search import applier


def health(client, **kwargs):
    response = client.get("/healthz", **kwargs)
    assert response.headers["Cache-Control"] == "no-store"
    return response.status_code, response.get_json()


def test_a_healthy_server_says_ok_with_its_index_in_step(client):
    make_service("Buurthuis")
    status, body = health(client)
    assert status == 200
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["index"]["lag_rows"] == 0 and body["index"]["same_epoch"] is True
    assert body["index"]["position"] == body["index"]["head"] > 0
    assert body["timers"] == {}


def test_an_index_behind_its_log_is_reported_and_degrades_past_the_limit(other_app, monkeypatch):
    app = other_app(HEALTH_INDEX_LAG_SECONDS=0)
    with app.app_context():
        make_service("Eerste")
        with monkeypatch.context() as patch:  # committed and logged, never applied here
            patch.setattr(applier, "catch_up", lambda *args, **kwargs: None)
            make_service("Tweede")
        status, body = health(app.test_client())
        db.session.remove()
    assert status == 200  # the server still answers: a load balancer keeps it
    assert body["status"] == "degraded"
    assert body["index"]["lag_rows"] == 1 and body["index"]["ok"] is False


def test_the_outbox_backlog_counts_unsent_mails_only(client):
    db.session.add_all([OutboxMail(to_address=f"a{n}@example.org", subject="s", text_body="t", html_body="h",
                                   kind="test") for n in range(3)])
    db.session.commit()
    sent = db.session.query(OutboxMail).first()
    sent.sent_at = sent.created_at
    db.session.commit()
    assert health(client)[1]["outbox"]["pending"] == 2


def test_timer_runs_recorded_by_the_command_show_and_a_failure_degrades(client, runner):
    assert runner.invoke(args=["ops", "record-run", "mail-send-pending", "--status", "0", "--seconds", "1.5"]
                         ).exit_code == 0
    status, body = health(client)
    timer = body["timers"]["mail-send-pending"]
    assert (body["status"], timer["ok"], timer["last_status"], timer["failures_in_a_row"]) == ("ok", True, 0, 0)
    assert timer["last_duration_seconds"] == 1.5 and timer["last_success_at"]

    for _ in range(2):
        runner.invoke(args=["ops", "record-run", "mail-send-pending", "--status", "1"])
    status, body = health(client)
    timer = body["timers"]["mail-send-pending"]
    assert (status, body["status"], timer["ok"], timer["failures_in_a_row"]) == (200, "degraded", False, 2)
    assert timer["last_success_at"]  # still the one success before


def test_without_its_database_the_server_says_down_with_503(other_app, tmp_path):
    app = other_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'no-such-folder' / 'x.db'}")
    with app.app_context():
        status, body = health(app.test_client())
    assert (status, body) == (503, {"status": "down", "database": {"ok": False}})


def test_a_load_balancer_may_ask_by_ip_address_but_no_page_may(other_app):
    app = other_app(SERVER_NAME=None, DEMO=False, SITE_URL="https://buurtkaart.example.nl")
    with app.app_context():
        client = app.test_client()
        assert client.get("/healthz", headers={"Host": "10.0.0.7:8000"}).status_code == 200
        assert client.get("/", headers={"Host": "10.0.0.7:8000"}).status_code == 400


def test_a_timer_without_success_for_longer_than_its_limit_degrades(client, runner):
    from datetime import timedelta

    from webapp.ops.models import TimerRun
    for name in ("mail-send-pending", "backup"):
        runner.invoke(args=["ops", "record-run", name, "--status", "0"])
    for run in db.session.scalars(db.select(TimerRun)):
        run.last_success_at = run.last_run_at = run.last_success_at - timedelta(minutes=20)
    db.session.commit()
    timers = health(client)[1]["timers"]
    assert timers["mail-send-pending"]["ok"] is False  # every minute; its limit is 15 minutes
    assert timers["backup"]["ok"] is True  # daily: 1500 minutes
