"""Expiry with a frozen clock: open posts end after LIFETIME_WEEKS; one reminder a week before, again after renewal."""
from datetime import timedelta

from tests.factories import make_post
from tests.mail.helpers import outbox
from tests.posts.helpers import reload
from webapp import search
from webapp.models_base import utcnow
from webapp.posts import services
from webapp.posts.expiry import expire_due
from webapp.posts.vocab import EXPIRED, LIFETIME_WEEKS, OFFER, OPEN, PENDING, REQUEST

START = utcnow().replace(microsecond=0)


def _at(weeks=0, days=0):
    return START + timedelta(weeks=weeks, days=days)


def test_an_open_post_expires_at_its_end_and_leaves_the_index(app, accounts):
    post = make_post(REQUEST, author=accounts["inwoner"], title="Boodschappen gezocht", now=START)
    waiting = make_post(REQUEST, author=accounts["inwoner"], status=PENDING, now=START)
    assert expire_due(now=_at(weeks=LIFETIME_WEEKS, days=-1)).expired == 0
    assert reload(post).status == OPEN
    assert expire_due(now=_at(weeks=LIFETIME_WEEKS)).expired == 1
    assert (reload(post).status, reload(waiting).status) == (EXPIRED, PENDING)
    assert reload(post).closed_at is not None
    assert search.search_kind(REQUEST, "boodschappen").hits == []


def test_one_reminder_a_week_before_and_again_after_renewal(app, accounts):
    author = accounts["inwoner"]
    post = make_post(OFFER, author=author, title="Bel mij op 06 12345678 voor tuinhulp", now=START)
    assert expire_due(now=_at(weeks=LIFETIME_WEEKS - 1, days=-1)).reminded == 0
    first = expire_due(now=_at(weeks=LIFETIME_WEEKS - 1, days=1))
    again = expire_due(now=_at(weeks=LIFETIME_WEEKS - 1, days=2))
    assert (first.reminded, again.reminded, first.expired) == (1, 0, 0)
    [mail] = outbox()
    assert mail.to_address == author.email and mail.kind == "posts/renew_reminder"
    assert "://buurtkaart.test/voor-elkaar/mijn\n" in mail.text_body
    assert "06 12345678" not in mail.text_body + mail.html_body and "[verborgen]" in mail.text_body
    assert reload(post).status == OPEN

    services.renew_post(reload(post), now=_at(weeks=LIFETIME_WEEKS - 1, days=3))
    assert reload(post).reminder_sent_at is None
    assert expire_due(now=_at(weeks=LIFETIME_WEEKS, days=3)).reminded == 0
    assert expire_due(now=_at(weeks=2 * LIFETIME_WEEKS - 2, days=4)).reminded == 1
    assert len(outbox()) == 2


def test_no_mail_for_an_account_without_e_mail(app, accounts):
    from webapp.accounts.intake import create_intake_account
    resident = create_intake_account(accounts["coordinator"], "Meneer Bos", "7941 AB", "0522 111 222", "Meppel")
    post = make_post(REQUEST, author=resident, now=START)
    assert expire_due(now=_at(weeks=LIFETIME_WEEKS, days=-2)).reminded == 1
    assert outbox() == [] and reload(post).reminder_sent_at is not None


def test_many_posts_expire_in_batches(app, accounts, monkeypatch):
    from webapp.posts import expiry
    monkeypatch.setattr(expiry, "BATCH", 2)
    posts = [make_post(REQUEST, author=accounts["inwoner"], now=START) for _ in range(5)]
    assert expire_due(now=_at(weeks=LIFETIME_WEEKS + 1)) == expiry.ExpiryOutcome(expired=5, reminded=0)
    assert {reload(post).status for post in posts} == {EXPIRED}


def test_the_cli_expires_and_reminds(runner, accounts):
    old = make_post(REQUEST, author=accounts["inwoner"], now=utcnow() - timedelta(weeks=LIFETIME_WEEKS, days=1))
    soon = make_post(REQUEST, author=accounts["inwoner"], now=utcnow() - timedelta(weeks=LIFETIME_WEEKS, days=-3))
    result = runner.invoke(args=["voorelkaar", "expire"])
    assert result.exit_code == 0, result.output
    assert "Verlopen: 1 bericht(en). Herinneringen verstuurd: 1." in result.output
    assert (reload(old).status, reload(soon).status) == (EXPIRED, OPEN)
    assert len(outbox()) == 1


def test_the_cli_links_to_site_url(runner, app, accounts):
    make_post(REQUEST, author=accounts["inwoner"], now=utcnow() - timedelta(weeks=LIFETIME_WEEKS, days=-3))
    app.config.update(SERVER_NAME=None, SITE_URL="https://kaart.example.nl")
    result = runner.invoke(args=["voorelkaar", "expire"])
    assert result.exit_code == 0, result.output
    [mail] = outbox()
    assert "https://kaart.example.nl/voor-elkaar/mijn" in mail.text_body
