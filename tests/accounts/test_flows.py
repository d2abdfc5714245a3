"""A resident's account through the test client: register, confirm, reset, change, download, delete.

Mails are read from the outbox; every link is signed, expires and works once."""
import re
import time

import pytest
from sqlalchemy import func, select

from webapp.accounts.models import User
from webapp.accounts.services import create_account
from webapp.extensions import db
from webapp.mail.models import OutboxMail

PASSWORD = "een-lang-wachtwoord"
NEW_PASSWORD = "nog-een-lang-wachtwoord"


def register(client, email="sanne@example.org", **extra):
    data = {"email": email, "password": PASSWORD, "display_name": "Sanne", "postcode": "7941ab", "privacy": "y"}
    return client.post("/registreren", data={**data, **extra})


def mails_to(address):
    return db.session.scalars(select(OutboxMail).where(OutboxMail.to_address == address)
                              .order_by(OutboxMail.created_at)).all()


def link_in(mail, path):
    return re.search(rf"https?://[^\s]+({re.escape(path)}[^\s]+)", mail.text_body).group(1)


def user(email):
    db.session.expire_all()
    return db.session.scalar(select(User).where(User.email == email))


def confirmed_resident(client, email="sanne@example.org"):
    register(client, email)
    client.get(link_in(mails_to(email)[-1], "/bevestigen/"), follow_redirects=True)
    return user(email)


def log_in(client, email="sanne@example.org", password=PASSWORD):
    return client.post("/inloggen", data={"email": email, "password": password})


def test_register_then_confirm_then_log_in(client):
    response = register(client)
    assert "Kijk in uw mail" in response.get_data(as_text=True)
    created = user("sanne@example.org")
    assert created.role == "inwoner" and created.postcode == "7941 AB" and created.email_confirmed_at is None
    assert "Bevestig eerst uw e-mailadres" in log_in(client).get_data(as_text=True)

    confirm = link_in(mails_to("sanne@example.org")[-1], "/bevestigen/")
    assert client.get(confirm).status_code == 302
    assert user("sanne@example.org").email_confirmed_at is not None
    assert log_in(client).status_code == 302
    assert "Sanne" in client.get("/account").get_data(as_text=True)


def test_registering_a_known_address_answers_the_same_and_warns_the_owner(client):
    first = register(client).get_data(as_text=True)
    second = register(client, display_name="Iemand Anders").get_data(as_text=True)
    assert first == second
    assert db.session.scalar(select(func.count()).select_from(User)) == 1
    kinds = [mail.kind for mail in mails_to("sanne@example.org")]
    assert kinds[-1] == "accounts/already_registered"


def test_a_confirmation_link_works_once(client):
    register(client)
    confirm = link_in(mails_to("sanne@example.org")[-1], "/bevestigen/")
    assert client.get(confirm).status_code == 302
    again = client.get(confirm)
    assert again.status_code == 400 and "Deze link is al gebruikt." in again.get_data(as_text=True)


def test_a_confirmation_link_expires_after_48_hours(client, monkeypatch):
    register(client)
    confirm = link_in(mails_to("sanne@example.org")[-1], "/bevestigen/")
    later = time.time() + 48 * 3600 + 60
    monkeypatch.setattr("itsdangerous.timed.time.time", lambda: later)
    response = client.get(confirm)
    assert response.status_code == 400 and "Deze link is verlopen." in response.get_data(as_text=True)
    assert user("sanne@example.org").email_confirmed_at is None


def test_a_tampered_link_is_refused(client):
    register(client)
    confirm = link_in(mails_to("sanne@example.org")[-1], "/bevestigen/")
    assert client.get(confirm[:-3] + "xyz").status_code == 400


def test_forgotten_password_answers_the_same_for_known_and_unknown(client, app):
    confirmed_resident(client)
    known = client.post("/wachtwoord-vergeten", data={"email": "sanne@example.org"}).get_data(as_text=True)
    unknown = client.post("/wachtwoord-vergeten", data={"email": "niemand@example.org"}).get_data(as_text=True)
    assert known == unknown
    assert mails_to("niemand@example.org") == []
    assert mails_to("sanne@example.org")[-1].kind == "accounts/reset_password"


def test_a_reset_link_lasts_one_hour_works_once_and_ends_other_sessions(client, app, monkeypatch):
    confirmed_resident(client)
    other_device = app.test_client()
    log_in(other_device)
    assert other_device.get("/account").status_code == 200

    client.post("/wachtwoord-vergeten", data={"email": "sanne@example.org"})
    reset = link_in(mails_to("sanne@example.org")[-1], "/wachtwoord-herstellen/")
    assert client.post(reset, data={"password": NEW_PASSWORD}).status_code == 302
    assert other_device.get("/account").status_code == 302  # logged out there
    assert client.get("/account").status_code == 200          # but not here
    assert client.post(reset, data={"password": "weer-een-ander-wachtwoord"}).status_code == 400
    assert log_in(app.test_client(), password=NEW_PASSWORD).status_code == 302

    client.post("/wachtwoord-vergeten", data={"email": "sanne@example.org"})
    stale = link_in(mails_to("sanne@example.org")[-1], "/wachtwoord-herstellen/")
    later = time.time() + 3600 + 60
    monkeypatch.setattr("itsdangerous.timed.time.time", lambda: later)
    assert client.post(stale, data={"password": "weer-een-ander-wachtwoord"}).status_code == 400


def test_change_details_email_and_password(client, app):
    confirmed_resident(client)
    log_in(client)
    bad = client.post("/account", data={"display_name": "Sanne B.", "postcode": "12345"})
    assert "Vul een postcode in zoals 7941 AB." in bad.get_data(as_text=True)
    client.post("/account", data={"display_name": "Sanne B.", "postcode": "7942 XA"})
    assert (user("sanne@example.org").display_name, user("sanne@example.org").postcode) == ("Sanne B.", "7942 XA")

    client.post("/account/e-mail", data={"email": "sanne.nieuw@example.org", "password": PASSWORD})
    assert user("sanne@example.org") is not None  # nothing changes before the new address is confirmed
    client.get(link_in(mails_to("sanne.nieuw@example.org")[-1], "/account/e-mail/bevestigen/"))
    assert user("sanne@example.org") is None and user("sanne.nieuw@example.org") is not None

    wrong = client.post("/account/wachtwoord", data={"current": "fout-fout-fout", "password": NEW_PASSWORD})
    assert "Dit wachtwoord klopt niet." in wrong.get_data(as_text=True)
    client.post("/account/wachtwoord", data={"current": PASSWORD, "password": NEW_PASSWORD})
    assert log_in(app.test_client(), "sanne.nieuw@example.org", NEW_PASSWORD).status_code == 302


def test_download_holds_what_the_user_entered(client):
    confirmed_resident(client)
    log_in(client)
    response = client.get("/account/mijn-gegevens.json")
    assert response.headers["Content-Disposition"].startswith("attachment")
    account = response.get_json()["account"]
    assert (account["e-mail"], account["naam"], account["postcode"]) == ("sanne@example.org", "Sanne", "7941 AB")


def test_delete_needs_the_password_and_removes_the_account(client):
    confirmed_resident(client)
    log_in(client)
    client.post("/account/verwijderen", data={"password": "fout-fout-fout"})
    assert user("sanne@example.org") is not None
    response = client.post("/account/verwijderen", data={"password": PASSWORD})
    assert response.status_code == 302
    assert user("sanne@example.org") is None
    assert client.get("/account").status_code == 302


@pytest.fixture
def coordinator(client, app):
    create_account("coordinator@meppel.nl", PASSWORD, "coordinator", ["Meppel"])
    log_in(client, "coordinator@meppel.nl")
    return client


def test_a_coordinator_makes_an_account_without_email_and_acts_for_it_marked_so(coordinator, app):
    coordinator.post("/coordinator/inwoners", data={"display_name": "Mevrouw Jansen", "postcode": "7941 AB",
                                                    "phone": "0522 111 222", "gemeente": "Meppel"})
    resident = db.session.scalar(select(User).where(User.display_name == "Mevrouw Jansen"))
    assert resident.email is None and resident.password_hash is None and resident.created_by_id is not None

    coordinator.post(f"/coordinator/inwoners/{resident.id}/namens")
    page = coordinator.get("/account").get_data(as_text=True)
    assert "Let op: u handelt namens Mevrouw Jansen." in page and "0522 111 222" in page
    assert "Let op: u handelt namens" in coordinator.get("/").get_data(as_text=True)
    coordinator.post("/account", data={"display_name": "Mw. Jansen", "postcode": "7941 AB"})
    assert db.session.get(User, resident.id).display_name == "Mw. Jansen"
    assert coordinator.get("/account/verwijderen").status_code == 302  # only the resident may

    coordinator.post("/coordinator/namens-stoppen")
    assert "u handelt namens" not in coordinator.get("/account").get_data(as_text=True)


def test_acting_for_is_refused_outside_the_coordinators_gemeenten_and_to_inwoners(client, app):
    create_account("coordinator@tynaarlo.nl", PASSWORD, "coordinator", ["Tynaarlo"])
    meppel = create_account("c2@meppel.nl", PASSWORD, "coordinator", ["Meppel"])
    from webapp.accounts.intake import create_intake_account
    resident = create_intake_account(meppel, "Meneer De Vries", "7941 AB", "0522 333 444", "Meppel")
    log_in(client, "coordinator@tynaarlo.nl")
    assert client.post(f"/coordinator/inwoners/{resident.id}/namens").status_code == 403
    confirmed_resident(client, "inwoner@example.org")
    other = app.test_client()
    log_in(other, "inwoner@example.org")
    assert other.get("/coordinator/inwoners").status_code == 403
    assert other.post(f"/coordinator/inwoners/{resident.id}/namens").status_code == 403


def test_a_password_reset_voids_every_older_link(client, app):
    confirmed_resident(client)
    log_in(client)
    client.post("/account/e-mail", data={"email": "aanvaller@example.org", "password": PASSWORD})
    pending_change = link_in(mails_to("aanvaller@example.org")[-1], "/account/e-mail/bevestigen/")
    client.post("/wachtwoord-vergeten", data={"email": "sanne@example.org"})
    older = link_in(mails_to("sanne@example.org")[-1], "/wachtwoord-herstellen/")
    client.post("/wachtwoord-vergeten", data={"email": "sanne@example.org"})
    newer = link_in(mails_to("sanne@example.org")[-1], "/wachtwoord-herstellen/")

    owner = app.test_client()
    assert owner.post(newer, data={"password": NEW_PASSWORD}).status_code == 302
    assert owner.post(older, data={"password": "aanvallers-wachtwoord"}).status_code == 400
    assert client.get(pending_change).status_code == 400
    assert user("sanne@example.org") is not None and user("aanvaller@example.org") is None


def test_registration_answers_the_same_for_known_and_unknown_also_with_a_bad_field(client):
    confirmed_resident(client)
    known = register(client, postcode="12345").get_data(as_text=True)
    unknown = register(client, email="onbekend@example.org", postcode="12345").get_data(as_text=True)
    assert "Vul een postcode in zoals 7941 AB." in known
    assert known.replace("sanne@example.org", "X") == unknown.replace("onbekend@example.org", "X")


def test_logging_out_ends_acting_for_a_resident(coordinator, app):
    from webapp.accounts.intake import create_intake_account
    from webapp.accounts.models import User as Account
    me = db.session.scalar(select(Account).where(Account.email == "coordinator@meppel.nl"))
    resident = create_intake_account(me, "Mevrouw Bos", "7941 AB", "0522 000 111", "Meppel")
    coordinator.post(f"/coordinator/inwoners/{resident.id}/namens")
    coordinator.post("/uitloggen")
    create_account("c3@meppel.nl", PASSWORD, "coordinator", ["Meppel"])
    log_in(coordinator, "c3@meppel.nl")
    assert "u handelt namens" not in coordinator.get("/account").get_data(as_text=True)


def test_a_nul_byte_anywhere_is_a_400_not_a_500(client):
    assert client.post("/inloggen", data={"email": "a\x00@example.org", "password": "x"}).status_code == 400
    assert client.get("/zoeken", query_string={"q": "geld\x00"}).status_code == 400
    # Every value of a repeated parameter, not only the first.
    assert client.get("/voor-elkaar?categorie=tuin&categorie=x%00").status_code == 400
    assert client.post("/inloggen", data={"email": ["a@example.org", "b\x00"], "password": "x"}).status_code == 400
