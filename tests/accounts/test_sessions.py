"""Sessions end: at logout (everywhere, so a copied cookie opens nothing) and after a time without requests."""
from datetime import timedelta

import pytest

from tests.conftest import PASSWORD, ROLE_ACCOUNTS
from webapp.accounts import sessions
from webapp.models_base import utcnow


def log_in(client, name):
    response = client.post("/inloggen", data={"email": ROLE_ACCOUNTS[name][0], "password": PASSWORD})
    assert response.status_code == 302


def test_a_cookie_saved_before_logout_opens_nothing_after_it(app, accounts):
    browser, laptop = app.test_client(), app.test_client()
    log_in(browser, "inwoner")
    log_in(laptop, "inwoner")
    saved = browser.get_cookie("session", domain="buurtkaart.test").value
    assert browser.get("/account").status_code == 200

    browser.post("/uitloggen")
    thief = app.test_client()
    thief.set_cookie("session", saved, domain="buurtkaart.test")
    assert thief.get("/account").status_code == 302  # to the login page
    assert laptop.get("/account").status_code == 302  # logout ends the account's other sessions too

    log_in(browser, "inwoner")  # and logging in again works
    assert browser.get("/account").status_code == 200


def test_a_reset_link_still_works_after_logout(app, client, accounts):
    from webapp.accounts import tokens
    token = tokens.make_token("reset-password", accounts["inwoner"])
    log_in(client, "inwoner")
    client.post("/uitloggen")
    response = client.post(f"/wachtwoord-herstellen/{token}", data={"password": "nog-een-lang-wachtwoord"})
    assert response.status_code == 302


def at(monkeypatch, delta):
    moment = utcnow() + delta
    monkeypatch.setattr(sessions, "utcnow", lambda: moment)


@pytest.mark.parametrize("role, page, limit", [
    ("coordinator", "/coordinator/controle", timedelta(hours=8)),
    ("beheerder", "/beheer/", timedelta(hours=8)),
    ("inwoner", "/account", timedelta(days=30)),
])
def test_sessions_end_after_being_idle(client, accounts, monkeypatch, role, page, limit):
    log_in(client, role)
    almost = limit - timedelta(minutes=5)
    at(monkeypatch, almost)
    assert client.get(page).status_code == 200
    at(monkeypatch, almost * 2)  # idle time counts from the last request, not from the login
    assert client.get(page).status_code == 200
    at(monkeypatch, almost * 2 + limit + timedelta(minutes=1))
    response = client.get(page)
    assert response.status_code == 302 and "/inloggen" in response.headers["Location"]
    assert "U was een tijd niet actief" in client.get("/inloggen").text
