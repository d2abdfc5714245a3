"""An address the mail server refuses for good (SMTP 5xx) is not tried again, and its owner is told."""
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.conftest import PASSWORD
from tests.mail.helpers import now, outbox
from webapp.accounts.models import User
from webapp.extensions import db
from webapp.mail import queue_mail, send_pending

WARNING = "Mails naar dit adres komen niet aan. Controleer uw e-mailadres."


def retry_now(app):
    for mail in outbox():
        mail.next_attempt_at = now() - timedelta(seconds=1)
    db.session.commit()
    return send_pending(app)


def account(address):
    db.session.expire_all()
    return db.session.scalar(select(User).where(User.email == address))


def test_a_550_stops_the_retries_and_marks_the_address(app, smtp, user):
    smtp.refused["joke@example.nl"] = "550 5.1.1 Mailbox unknown"
    queue_mail("joke@example.nl", "test", subject="Komt niet aan")
    db.session.commit()
    [mail] = outbox()
    assert mail.failed_at is not None and mail.sent_at is None and mail.attempts == 1
    assert "550" in mail.last_error
    assert account("joke@example.nl").email_bounced_at is not None

    assert retry_now(app).failed == 0  # never tried again
    [mail] = outbox()
    assert mail.attempts == 1 and smtp.received == []


@pytest.mark.parametrize("answer", ["450 4.2.1 Mailbox busy", "421 4.3.2 Try later"])
def test_a_4xx_is_tried_again_and_marks_nothing(app, smtp, user, answer):
    smtp.refused["joke@example.nl"] = answer
    queue_mail("joke@example.nl", "test", subject="Later")
    db.session.commit()
    [mail] = outbox()
    assert mail.failed_at is None and mail.attempts == 1
    assert account("joke@example.nl").email_bounced_at is None
    del smtp.refused["joke@example.nl"]
    assert retry_now(app).sent == 1


def test_the_account_page_says_so_until_the_address_is_changed(app, smtp, client, login):
    address = "inwoner@example.org"
    login("inwoner")
    assert WARNING not in client.get("/account").get_data(as_text=True)
    smtp.refused[address] = "550 5.1.1 Mailbox unknown"
    queue_mail(address, "test", subject="Komt niet aan")
    db.session.commit()
    assert WARNING in client.get("/account").get_data(as_text=True)

    client.post("/account/e-mail", data={"email": "inwoner.nieuw@example.org", "password": PASSWORD})
    [change] = [mail for mail in outbox() if mail.to_address == "inwoner.nieuw@example.org"]
    assert change.sent_at is not None
    link = re.search(r"https?://[^\s]+(/account/e-mail/bevestigen/[^\s]+)", change.text_body).group(1)
    client.get(link)
    assert account("inwoner.nieuw@example.org").email_bounced_at is None
    login_page = client.get("/account").get_data(as_text=True)
    assert "inwoner.nieuw@example.org" in login_page and WARNING not in login_page


def test_a_refused_sender_is_not_the_address_s_fault(app, smtp, user):
    from smtplib import SMTPAuthenticationError, SMTPRecipientsRefused, SMTPSenderRefused

    from webapp.mail.outbox import is_permanent
    assert not is_permanent(SMTPSenderRefused(550, b"no", "noreply@buurtkaart.test"))
    assert not is_permanent(SMTPAuthenticationError(535, b"no"))
    assert not is_permanent(SMTPRecipientsRefused({"a@example.nl": (550, b"no"), "b@example.nl": (451, b"later")}))
    assert is_permanent(SMTPRecipientsRefused({"a@example.nl": (550, b"no")}))
