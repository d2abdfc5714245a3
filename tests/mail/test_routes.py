"""/dev/mail (only with the file backend) and the unsubscribe page."""
import re
import time

import pytest
from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from webapp.extensions import db
from webapp.mail import queue_mail

from tests.mail.helpers import eml_files

LINK = "https://buurtkaart.test/account/bevestigen/abc.DEF-123?x=1&y=2"


def test_dev_mail_lists_mails_newest_first_and_shows_links(app, client, mail_dir):
    queue_mail("joke@example.nl", "test", subject="Eerste mail")
    db.session.commit()
    queue_mail("piet@example.nl", "test", subject="Bevestig uw e-mailadres", link=LINK)
    db.session.commit()

    page = client.get("/dev/mail").text
    assert page.index("Bevestig uw e-mailadres") < page.index("Eerste mail")
    assert "piet@example.nl" in page and "joke@example.nl" in page
    newest = eml_files(mail_dir)[-1].name
    assert f'href="/dev/mail/{newest}"' in page

    response = client.get(f"/dev/mail/{newest}")
    assert response.status_code == 200
    assert f'<a class="utrecht-link" href="{LINK.replace("&", "&amp;")}">' in response.text
    assert "Met vriendelijke groet," in response.text


def test_link_at_the_end_of_a_sentence_leaves_the_full_stop_out(app, client, mail_dir):
    queue_mail("joke@example.nl", "test", subject="Zin", message=f"Klik op {LINK}. Of (zie http://x.nl/a)")
    db.session.commit()
    page = client.get(f"/dev/mail/{eml_files(mail_dir)[0].name}").text
    assert re.search(rf'href="{re.escape(LINK.replace("&", "&amp;"))}">[^<]*</a>\. Of \(zie ', page)
    assert 'href="http://x.nl/a">http://x.nl/a</a>)' in page


def test_dev_mail_escapes_mail_content(app, client, mail_dir):
    queue_mail("x@example.nl", "test", subject="<script>alert(1)</script>",
               message='<script>alert("buur")</script> <img src=x onerror=alert(2)> javascript:alert(3)')
    db.session.commit()
    for path in ("/dev/mail", f"/dev/mail/{eml_files(mail_dir)[0].name}"):
        page = client.get(path).text
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(&#34;buur&#34;)&lt;/script&gt;" in page
    assert 'href="javascript' not in page


@pytest.mark.parametrize("name", ["nope.eml", "..%2Fsecret_key", "x.txt", "%2Fetc%2Fpasswd"])
def test_dev_mail_shows_only_mail_files(app, client, name):
    assert client.get(f"/dev/mail/{name}").status_code == 404


def test_empty_dev_mail(app, client):
    response = client.get("/dev/mail")
    assert response.status_code == 200 and "Er zijn nog geen mails." in response.text


def test_no_dev_mail_outside_demo_mode(other_app):
    """A real site writing mail to files (MAIL_BACKEND=file) still shows them to nobody."""
    real = other_app(DEMO=False).test_client()
    assert real.get("/dev/mail").status_code == 404
    assert "Demo: niet voor echte gegevens" not in real.get("/privacy").text


def test_dev_mail_answers_only_this_computer(client):
    assert client.get("/dev/mail", environ_base={"REMOTE_ADDR": "203.0.113.5"}).status_code == 404
    assert client.get(f"/dev/mail/{'0' * 20}.eml", environ_base={"REMOTE_ADDR": "203.0.113.5"}).status_code == 404
    assert client.get("/dev/mail", environ_base={"REMOTE_ADDR": "::1"}).status_code == 200
    assert "Demo: niet voor echte gegevens" in client.get("/privacy").text


def test_no_dev_mail_with_smtp(other_app):
    """Whether /dev/mail exists is decided when the app is made, from MAIL_BACKEND."""
    smtp_app = other_app(MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1")
    client = smtp_app.test_client()
    assert client.get("/dev/mail").status_code == 404
    assert client.get(f"/dev/mail/{'0' * 20}.eml").status_code == 404
    assert client.get("/privacy").status_code == 200  # the rest of the site is there


def test_old_unsubscribe_link_is_refused(app, client, user):
    class YearOldSigner(TimestampSigner):
        def get_timestamp(self):
            return int(time.time()) - 366 * 24 * 3600

    token = URLSafeTimedSerializer("test", salt="unsubscribe", signer=YearOldSigner).dumps(user.id)
    response = client.get(f"/afmelden/{token}")
    assert response.status_code == 400 and "Deze afmeldlink werkt niet" in response.text
    fresh = URLSafeTimedSerializer("test", salt="unsubscribe").dumps(user.id)
    assert client.get(f"/afmelden/{fresh}").status_code == 200


def test_a_token_for_another_purpose_is_refused(app, client, user):
    token = URLSafeTimedSerializer("test", salt="confirm-email").dumps(user.id)
    assert client.get(f"/afmelden/{token}").status_code == 400
    db.session.refresh(user)
    assert user.mail_opt_out is False
