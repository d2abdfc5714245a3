"""Every limit through the test client: what is refused, what the person is told, and that it ends."""
import logging

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSWORD, ROLE_ACCOUNTS
from tests.factories import make_post
from tests.posts.helpers import all_posts, request_form
from webapp.extensions import db
from webapp.mail.models import OutboxMail
from webapp.matching import services as matching
from webapp.moderation.models import AbuseReport
from webapp.posts.vocab import OPEN

EMAIL = ROLE_ACCOUNTS["inwoner"][0]


def log_in(client, password=PASSWORD, email=EMAIL, **options):
    return client.post("/inloggen", data={"email": email, "password": password}, **options)


def mails(kind):
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(OutboxMail).where(OutboxMail.kind == kind))


def test_the_eleventh_wrong_password_is_refused_then_the_window_ends(app, accounts, clock):
    client = app.test_client()
    for _attempt in range(10):
        wrong = log_in(client, "fout-wachtwoord")
        assert wrong.status_code == 200 and "klopt niet" in wrong.get_data(as_text=True)
    refused = log_in(client, "fout-wachtwoord")
    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= 15 * 60
    assert "Probeer het over 15 minuten opnieuw." in refused.get_data(as_text=True)
    assert log_in(client).status_code == 429  # the right password waits too: nobody can keep guessing
    assert log_in(app.test_client(), environ_base={"REMOTE_ADDR": "192.0.2.9"}).status_code == 429  # per account
    clock.advance(15 * 60 + 1)
    assert log_in(client).status_code == 302


def test_right_passwords_do_not_count(app, accounts, clock):
    client = app.test_client()
    for _attempt in range(12):
        assert log_in(client).status_code == 302
        client.post("/uitloggen")
    for _attempt in range(9):
        log_in(client, "fout-wachtwoord")
    assert log_in(client).status_code == 302


def test_wrong_passwords_are_also_counted_per_address(app, accounts, clock):
    app.config["RATELIMIT_LOGIN_ADDRESS"] = "3 per hour"
    client = app.test_client()
    for name in ("coordinator", "beheerder", "inwoner_b"):
        assert log_in(client, "fout-wachtwoord", ROLE_ACCOUNTS[name][0]).status_code == 200
    refused = log_in(client)
    assert refused.status_code == 429 and "Probeer het over 60 minuten opnieuw." in refused.get_data(as_text=True)
    assert log_in(app.test_client(), environ_base={"REMOTE_ADDR": "192.0.2.9"}).status_code == 302


def test_a_password_reset_always_works_and_lifts_the_account_limit(app, accounts, clock):
    client = app.test_client()
    for _attempt in range(11):
        log_in(client, "fout-wachtwoord")
    assert log_in(client).status_code == 429
    client.post("/wachtwoord-vergeten", data={"email": EMAIL})
    [mail] = db.session.scalars(select(OutboxMail).where(OutboxMail.kind == "accounts/reset_password")).all()
    link = mail.text_body.split("/wachtwoord-herstellen/")[1].split()[0]
    reset = client.post(f"/wachtwoord-herstellen/{link}", data={"password": "een-nieuw-wachtwoord"})
    assert reset.status_code == 302
    client.post("/uitloggen")
    assert log_in(client, "een-nieuw-wachtwoord").status_code == 302


def test_a_fourth_reset_mail_in_an_hour_is_not_sent_and_the_page_says_nothing(app, client, accounts, clock):
    pages = [client.post("/wachtwoord-vergeten", data={"email": EMAIL}) for _attempt in range(4)]
    assert {page.status_code for page in pages} == {200}
    assert len({page.get_data(as_text=True) for page in pages}) == 1
    assert mails("accounts/reset_password") == 3
    unknown = client.post("/wachtwoord-vergeten", data={"email": "niemand@example.org"})
    assert unknown.get_data(as_text=True) == pages[0].get_data(as_text=True)
    clock.advance(3600 + 1)
    client.post("/wachtwoord-vergeten", data={"email": EMAIL})
    assert mails("accounts/reset_password") == 4


def test_the_sixth_registration_from_one_address_is_refused(app, client, clock):
    for number in range(5):
        response = client.post("/registreren", data={"email": f"nieuw{number}@example.org", "password": PASSWORD,
                                                     "display_name": "Sanne", "postcode": "7941ab", "privacy": "y"})
        assert response.status_code == 200
    refused = client.post("/registreren", data={"email": "nieuw6@example.org", "password": PASSWORD,
                                                "display_name": "Sanne", "postcode": "7941ab", "privacy": "y"})
    assert refused.status_code == 429 and refused.headers["Retry-After"]
    assert "Probeer het over 60 minuten opnieuw." in refused.get_data(as_text=True)
    assert mails("accounts/confirm_email") == 5


def test_a_refused_registration_form_does_not_count(app, client, clock):
    for _attempt in range(6):
        client.post("/registreren", data={"email": "kort@example.org", "password": "kort", "display_name": "S",
                                          "postcode": "7941ab", "privacy": "y"})
    ok = client.post("/registreren", data={"email": "goed@example.org", "password": PASSWORD, "display_name": "S",
                                           "postcode": "7941ab", "privacy": "y"})
    assert ok.status_code == 200 and mails("accounts/confirm_email") == 1


def test_the_sixth_post_of_a_day_is_refused_in_dutch_and_the_form_is_kept(app, client, login, clock):
    login("inwoner")
    for number in range(5):
        assert client.post("/voor-elkaar/hulpvraag/nieuw",
                           data=request_form(title=f"Boodschappen nummer {number}")).status_code == 302
    refused = client.post("/voor-elkaar/hulpvraag/nieuw", data=request_form(title="Nog een vraag vandaag"))
    page = refused.get_data(as_text=True)
    assert refused.status_code == 429 and refused.headers["Retry-After"]
    assert "U heeft vandaag al veel berichten gemaakt." in page and "Probeer het over" in page
    assert "Nog een vraag vandaag" in page  # nothing typed is lost
    assert len(all_posts()) == 5
    clock.advance(24 * 3600 + 1)
    assert client.post("/voor-elkaar/hulpvraag/nieuw", data=request_form()).status_code == 302


def test_the_thirty_first_message_in_an_hour_is_refused(app, client, login, accounts, clock):
    vraag = make_post("hulpvraag", author=accounts["inwoner"], title="Boodschappen op dinsdag")
    login("inwoner_b")
    url = f"/voor-elkaar/hulpvragen/{vraag.id}/reageren"
    assert client.post(url, data={"message": "Ik help graag."}).status_code == 302
    match = matching.react_to_request(vraag, accounts["inwoner_b"], "x")  # the same conversation
    for number in range(29):
        response = client.post(f"/voor-elkaar/mijn/gesprekken/{match.id}", data={"message": f"Bericht {number}"})
        assert response.status_code == 302
    refused = client.post(f"/voor-elkaar/mijn/gesprekken/{match.id}", data={"message": "Nummer 31"})
    assert refused.status_code == 429 and "Probeer het over" in refused.get_data(as_text=True)
    assert "U heeft in korte tijd veel berichten gestuurd." in refused.get_data(as_text=True)
    assert "Nummer 31</textarea>" in refused.get_data(as_text=True)  # nothing typed is lost
    reaction = client.post(url, data={"message": "Reageren telt mee."})
    assert reaction.status_code == 429 and "Reageren telt mee.</textarea>" in reaction.get_data(as_text=True)
    login("inwoner")  # the other side is not held back
    assert client.post(f"/voor-elkaar/mijn/gesprekken/{match.id}", data={"message": "Dank u"}).status_code == 302


def test_reports_are_limited_per_post_per_address(app, client, accounts, clock):
    post = make_post(author=accounts["inwoner"], status=OPEN, title="Wie helpt met mijn fiets")
    url = f"/voor-elkaar/berichten/{post.id}/melden"
    for number in range(3):
        assert client.post(url, data={"reason": f"Reclame {number}"}).status_code == 302
    refused = client.post(url, data={"reason": "Nog eens"})
    assert refused.status_code == 429 and refused.headers["Retry-After"]
    other = make_post(author=accounts["inwoner"], status=OPEN, title="Een ander bericht")
    assert client.post(f"/voor-elkaar/berichten/{other.id}/melden", data={"reason": "Ook"}).status_code == 302
    assert client.post(url, data={"reason": "Van elders"}, environ_base={"REMOTE_ADDR": "192.0.2.5"}).status_code == 302
    assert db.session.scalar(select(func.count()).select_from(AbuseReport)) == 5


def test_reports_are_limited_per_address(app, client, accounts, clock):
    posts = [make_post(author=accounts["inwoner"], status=OPEN, title=f"Bericht {n}") for n in range(6)]
    for post in posts[:5]:
        assert client.post(f"/voor-elkaar/berichten/{post.id}/melden", data={"reason": "Spam"}).status_code == 302
    assert client.post(f"/voor-elkaar/berichten/{posts[5].id}/melden", data={"reason": "Spam"}).status_code == 429


def test_the_api_answers_429_in_json_with_retry_after(app, client, clock):
    app.config["RATELIMIT_API"] = "2 per minute"
    for _attempt in range(2):
        assert client.get("/api/v1/hulpvragen").status_code == 200
    refused = client.get("/api/v1/hulpvragen")
    assert refused.status_code == 429 and refused.is_json
    assert 0 < int(refused.headers["Retry-After"]) <= 60
    assert refused.json["error"]["status"] == 429
    assert "Probeer het over 1 minuut opnieuw." in refused.json["error"]["message"]


@pytest.mark.parametrize("seconds, text", [
    (5, "over 1 minuut"), (75, "over 2 minuten"), (15 * 60, "over 15 minuten"), (3 * 3600 - 10, "over 3 uur"),
])
def test_the_wait_is_said_in_plain_dutch(app, seconds, text):
    from webapp.ratelimit.responses import wait_text
    with app.test_request_context():
        assert wait_text(seconds) == f"Probeer het {text} opnieuw."


def test_reports_are_limited_per_reporter_whatever_the_address(app, client, login, accounts, clock):
    posts = [make_post(author=accounts["inwoner"], status=OPEN, title=f"Bericht {n}") for n in range(6)]
    login("inwoner_b")
    for number, post in enumerate(posts):
        response = client.post(f"/voor-elkaar/berichten/{post.id}/melden", data={"reason": "Spam"},
                               environ_base={"REMOTE_ADDR": f"192.0.2.{number + 1}"})
        assert response.status_code == (429 if number == 5 else 302)


def test_when_the_counting_store_is_down_people_still_log_in_and_search(app, accounts, monkeypatch, caplog):
    """A limiter storage that fails (Redis stopped) lets requests through, logged, instead of a 500."""
    def broken(*_args, **_kwargs):
        raise ConnectionError("limiter storage down")
    # Alembic's logging set-up (run by the migration fixture in this process) disables existing loggers.
    monkeypatch.setattr(logging.getLogger("webapp.ratelimit"), "disabled", False)
    store = app.extensions["ratelimit"].limiter.storage
    monkeypatch.setattr(store, "incr", broken)
    monkeypatch.setattr(store, "get", broken)
    client = app.test_client()
    assert log_in(client, "fout-wachtwoord").status_code == 200  # the usual 'klopt niet'
    assert log_in(client).status_code == 302
    assert client.get("/api/v1/voorzieningen?q=schulden").status_code == 200
    assert "rate limit storage failed" in caplog.text


def test_an_ipv6_client_is_counted_by_its_64_network(app):
    from webapp.ratelimit import remote_address
    for address, counted in (("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"), ("2001:db8:1:2:bbbb::9", "2001:db8:1:2::/64"),
                             ("::ffff:192.0.2.7", "192.0.2.7"), ("192.0.2.7", "192.0.2.7")):
        with app.test_request_context(environ_base={"REMOTE_ADDR": address}):
            assert remote_address() == counted


def test_registering_someone_elses_address_cannot_flood_their_inbox(app, accounts, clock):
    """From ever-new addresses: the 4th registration of one e-mail address in an hour mails nobody."""
    for number in range(5):
        response = app.test_client().post("/registreren", environ_base={"REMOTE_ADDR": f"192.0.2.{number + 1}"}, data={
            "email": EMAIL, "password": "een-lang-wachtwoord", "display_name": "Iemand", "postcode": "7941 AB",
            "privacy": "y"})
        assert response.status_code in (200, 302)
    assert mails("accounts/already_registered") == 3


def test_with_limits_switched_off_a_password_reset_works(app, accounts, other_app):
    from webapp.accounts import tokens
    token = tokens.make_token("reset-password", accounts["inwoner"])
    unlimited = other_app(RATELIMIT_ENABLED=False)
    response = unlimited.test_client().post(f"/wachtwoord-herstellen/{token}", data={"password": "een-nieuw-wachtwoord"})
    assert response.status_code == 302
    assert log_in(unlimited.test_client(), "een-nieuw-wachtwoord").status_code == 302
