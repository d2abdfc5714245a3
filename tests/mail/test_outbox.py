"""Queueing in the caller's transaction and sending after the commit, through the file backend."""
import threading
import time

import pytest

from webapp.accounts.unsubscribe import unsubscribe_url
from webapp.extensions import db
from webapp.mail import queue_mail, send_pending
from webapp.mail.backends import FileBackend

from tests.mail.helpers import eml_files, outbox, read_eml, text_and_html

DUTCH = "Één café in Meppel: ‘hulp bij de boodschappen’ – €5 per week, ü ß"


def test_commit_writes_an_eml_file_with_text_and_html(app, mail_dir):
    queue_mail("joke@example.nl", "test", subject=f"Test: {DUTCH}", message=DUTCH)
    assert eml_files(mail_dir) == []  # nothing leaves before the commit
    db.session.commit()

    [path] = eml_files(mail_dir)
    message = read_eml(path)
    assert message["To"] == "joke@example.nl"
    assert message["Subject"] == f"Test: {DUTCH}"
    assert message["From"] == app.config["MAIL_FROM"]
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]
    text, html = text_and_html(message)
    assert DUTCH in text and DUTCH in html
    assert "Met vriendelijke groet,\nBuurtkaart" in text and "Buurtkaart" in html
    assert "List-Unsubscribe" not in message and "afmelden" not in text  # an essential mail
    [mail] = outbox()
    assert mail.sent_at is not None and mail.attempts == 0 and mail.kind == "test"
    assert path.name.endswith(f"-{mail.id}.eml")


def test_rollback_leaves_no_mail_and_no_outbox_row(app, mail_dir):
    queue_mail("joke@example.nl", "test", subject="Nooit verstuurd")
    db.session.rollback()
    db.session.commit()  # a later commit does not send what was rolled back
    assert eml_files(mail_dir) == [] and outbox() == []


def test_html_part_escapes_what_the_text_part_keeps(app, mail_dir):
    queue_mail("joke@example.nl", "test", subject="Test", message="<b>vet</b> & co")
    db.session.commit()
    text, html = text_and_html(read_eml(eml_files(mail_dir)[0]))
    assert "<b>vet</b> & co" in text
    assert "&lt;b&gt;vet&lt;/b&gt; &amp; co" in html and "<b>vet" not in html


def test_a_line_break_cannot_add_a_header(app, mail_dir):
    queue_mail("joke@example.nl\nBcc: iedereen@example.nl", "test", subject="Hallo\r\nBcc: x@example.nl")
    db.session.commit()
    message = read_eml(eml_files(mail_dir)[0])
    assert "Bcc" not in message
    assert message["Subject"] == "Hallo Bcc: x@example.nl"


def test_opted_out_user_gets_essential_but_not_other_mail(app, mail_dir, user):
    user.mail_opt_out = True
    db.session.commit()
    assert queue_mail(user.email, "test", subject="Nieuws", essential=False, user=user, unsubscribe_url=unsubscribe_url(user)) is None
    assert queue_mail(user.email, "test", subject="Bevestig uw adres", user=user) is not None
    db.session.commit()
    assert [read_eml(path)["Subject"] for path in eml_files(mail_dir)] == ["Bevestig uw adres"]
    assert [mail.subject for mail in outbox()] == ["Bevestig uw adres"]


def test_non_essential_mail_carries_the_unsubscribe_link(app, mail_dir, user):
    queue_mail(user.email, "test", subject="Nieuws", essential=False, user=user, unsubscribe_url=unsubscribe_url(user))
    db.session.commit()
    message = read_eml(eml_files(mail_dir)[0])
    text, html = text_and_html(message)
    link = text.strip().splitlines()[-1]
    assert link.startswith("http://buurtkaart.test/afmelden/")
    assert message["List-Unsubscribe"] == f"<{link}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f'href="{link}"' in html
    assert "Beste Joke," in text


def test_mails_queued_earlier_wait_for_the_timer(app, mail_dir):
    """The commit sends its own mails only; a backlog is left to `mail send-pending`."""
    queue_mail("a@example.nl", "test", subject="Eerder")
    db.session.flush()
    db.session.info.clear()  # as if the process had died right after the commit
    db.session.commit()
    queue_mail("b@example.nl", "test", subject="Nu")
    db.session.commit()
    assert [read_eml(path)["Subject"] for path in eml_files(mail_dir)] == ["Nu"]
    assert send_pending(app).sent == 1
    assert len(eml_files(mail_dir)) == 2


def test_several_senders_at_once_send_each_mail_once(app, mail_dir):
    for number in range(30):
        queue_mail(f"buur{number}@example.nl", "test", subject=f"Mail {number}")
    db.session.flush()
    db.session.info.clear()  # leave them all to the senders below
    db.session.commit()
    outcomes = []

    def sender():
        with app.app_context():
            outcomes.append(send_pending(app))

    threads = [threading.Thread(target=sender) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(outcome.sent for outcome in outcomes) == 30
    assert sorted(read_eml(path)["Subject"] for path in eml_files(mail_dir)) == sorted(
        f"Mail {number}" for number in range(30))
    assert all(mail.sent_at is not None for mail in outbox())


def test_file_backend_creates_its_folder_and_names_sort_by_time(tmp_path):
    from email.message import EmailMessage
    backend = FileBackend(tmp_path / "nieuw" / "mail").connect()
    for number in range(3):
        message = EmailMessage()
        message["Message-ID"] = f"<id{number}@buurtkaart.test>"
        message.set_content(f"mail {number}")
        backend.send(message)
        time.sleep(0.001)
    names = [path.name for path in eml_files(tmp_path / "nieuw" / "mail")]
    assert [name.split("-")[1] for name in names] == ["id0.eml", "id1.eml", "id2.eml"]


def test_a_non_essential_mail_without_its_unsubscribe_link_is_refused(app, user):
    with pytest.raises(ValueError):
        queue_mail(user.email, "test", subject="Nieuws", essential=False, user=user)
