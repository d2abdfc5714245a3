"""Mail through a real SMTP server (aiosmtpd on 127.0.0.1) with the MAIL_* settings, and when it is down."""
import socket
import time
from datetime import timedelta
from urllib.parse import urlsplit

import pytest

from webapp.accounts.unsubscribe import unsubscribe_url
from webapp.extensions import db
from webapp.mail import queue_mail

from tests.mail.helpers import aware, now, outbox, text_and_html


def test_mail_arrives_with_the_right_headers(app, smtp):
    queue_mail("joke@example.nl", "test", subject="Welkom bij Buurtkaart – één stap nog", message="Tot ziens!")
    db.session.commit()

    [(mail_from, recipients, message)] = smtp.received
    assert mail_from == "noreply@buurtkaart.test" and recipients == ["joke@example.nl"]
    assert message["From"] == "Buurtkaart Meppel <noreply@buurtkaart.test>"
    assert message["To"] == "joke@example.nl"
    assert message["Subject"] == "Welkom bij Buurtkaart – één stap nog"
    [mail] = outbox()
    assert message["Message-ID"] == f"<{mail.id}@buurtkaart.test>"
    assert message["Date"] and message["Auto-Submitted"] == "auto-generated"
    text, html = text_and_html(message)
    assert "Tot ziens!" in text and "Tot ziens!" in html
    assert "List-Unsubscribe" not in message
    assert mail.sent_at is not None and mail.attempts == 0


def test_unsubscribe_link_of_a_non_essential_mail_works(app, smtp, client, user):
    queue_mail(user.email, "test", subject="Nieuws uit de buurt", essential=False, user=user, unsubscribe_url=unsubscribe_url(user))
    db.session.commit()
    [(_sender, _to, message)] = smtp.received
    link = message["List-Unsubscribe"].strip("<>")
    assert link in text_and_html(message)[0]

    tampered = link[:-3] + ("AAA" if not link.endswith("AAA") else "BBB")
    response = client.get(urlsplit(tampered).path)
    assert response.status_code == 400
    assert "Deze afmeldlink werkt niet" in response.text
    db.session.refresh(user)
    assert user.mail_opt_out is False

    # Opening the link (as a mail scanner does) only shows a button; pressing it opts out.
    response = client.get(urlsplit(link).path)
    assert response.status_code == 200
    assert f'<form method="post" action="{urlsplit(link).path}">' in response.text
    db.session.refresh(user)
    assert user.mail_opt_out is False
    response = client.post(urlsplit(link).path)
    assert "U krijgt geen mails meer die niet strikt nodig zijn" in response.text
    db.session.refresh(user)
    assert user.mail_opt_out is True


def test_one_click_post_from_a_mail_program(app, smtp, client, user):
    queue_mail(user.email, "test", subject="Nieuws", essential=False, user=user, unsubscribe_url=unsubscribe_url(user))
    db.session.commit()
    link = smtp.received[0][2]["List-Unsubscribe"].strip("<>")
    response = client.post(urlsplit(link).path, data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    db.session.refresh(user)
    assert user.mail_opt_out is True


def test_server_down_keeps_the_mail_and_send_pending_sends_it_later(app, smtp, client, runner):
    @app.post("/test/vraag")
    def ask():
        queue_mail("joke@example.nl", "test", subject="Uw hulpvraag is ontvangen")
        db.session.commit()
        return "ok"

    smtp.stop()
    started = time.perf_counter()
    response = client.post("/test/vraag")
    assert response.status_code == 200 and response.text == "ok"
    assert time.perf_counter() - started < 5  # a refused connection costs no timeout
    [mail] = outbox()
    assert mail.sent_at is None and mail.attempts == 1
    assert "ConnectionRefusedError" in mail.last_error
    assert now() + timedelta(seconds=50) < aware(mail.next_attempt_at) <= now() + timedelta(minutes=1)

    result = runner.invoke(args=["mail", "send-pending"])
    assert result.exit_code == 0 and "Verstuurd: 0, mislukt: 0." in result.output  # not due yet

    smtp.start()
    mail.next_attempt_at = now() - timedelta(seconds=1)
    db.session.commit()
    result = runner.invoke(args=["mail", "send-pending"])
    assert result.exit_code == 0, result.output
    assert "Verstuurd: 1, mislukt: 0." in result.output
    assert [message["Subject"] for _f, _t, message in smtp.received] == ["Uw hulpvraag is ontvangen"]
    [mail] = outbox()
    assert mail.sent_at is not None and mail.attempts == 1 and mail.last_error  # the history stays


def test_each_failure_waits_longer_and_the_command_exits_1(app, smtp, runner):
    smtp.stop()
    queue_mail("joke@example.nl", "test", subject="Blijft proberen")
    db.session.commit()
    waits = []
    for attempt in range(2, 5):
        [mail] = outbox()
        mail.next_attempt_at = now() - timedelta(seconds=1)
        db.session.commit()
        result = runner.invoke(args=["mail", "send-pending"])
        assert result.exit_code == 1 and "Verstuurd: 0, mislukt: 1." in result.output
        [mail] = outbox()
        assert mail.attempts == attempt and mail.sent_at is None
        waits.append(round((aware(mail.next_attempt_at) - now()).total_seconds() / 60))
    assert waits == [5, 15, 60]


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_login_with_mail_username(app, smtp):
    smtp.stop()
    smtp.start(login=("buurtkaart", "geheim"))
    app.config.update(MAIL_USERNAME="buurtkaart", MAIL_PASSWORD="fout")
    queue_mail("joke@example.nl", "test", subject="Eerste poging")
    db.session.commit()
    [mail] = outbox()
    assert mail.attempts == 1 and "SMTPAuthenticationError" in mail.last_error

    app.config["MAIL_PASSWORD"] = "geheim"
    queue_mail("joke@example.nl", "test", subject="Tweede poging")
    db.session.commit()
    assert set(smtp.logins[:-1]) == {("buurtkaart", "fout")}  # smtplib tries PLAIN, then LOGIN
    assert smtp.logins[-1] == ("buurtkaart", "geheim")
    assert [message["Subject"] for _f, _t, message in smtp.received] == ["Tweede poging"]


def post_to_a_silent_server(app, smtp, client, **settings):
    """Queue a mail in a request while the SMTP port listens but never greets; returns (response, seconds)."""
    smtp.stop()
    app.config.update(settings)

    @app.post("/test/vraag")
    def ask():
        queue_mail("joke@example.nl", "test", subject="Traag")
        db.session.commit()
        return "ok"

    server = socket.create_server(("127.0.0.1", smtp.port))  # listens, never accepts or greets
    started = time.perf_counter()
    response = client.post("/test/vraag")
    return server, response, time.perf_counter() - started


def test_a_server_that_never_answers_does_not_fail_the_request(app, smtp, client):
    """Sending inline (as the tests do): the request waits one timeout at most."""
    server, response, took = post_to_a_silent_server(app, smtp, client, MAIL_TIMEOUT=0.5)
    server.close()
    assert response.status_code == 200 and took < 3
    [mail] = outbox()
    assert mail.attempts == 1 and mail.sent_at is None and "timed out" in mail.last_error


def test_the_site_sends_after_the_answer_so_a_silent_server_costs_the_request_nothing(app, smtp, client):
    """As configured for the site (not the tests): mail goes out in a background thread after the commit."""
    server, response, took = post_to_a_silent_server(app, smtp, client, MAIL_TIMEOUT=2, MAIL_SEND_INLINE=False)
    with server:
        assert response.status_code == 200 and took < 1
        deadline = time.monotonic() + 10
        while not outbox()[0].attempts and time.monotonic() < deadline:
            db.session.rollback()  # a new snapshot: see what the sending thread wrote
            time.sleep(0.2)
    [mail] = outbox()
    assert mail.attempts == 1 and mail.sent_at is None  # left to send-pending, not lost
