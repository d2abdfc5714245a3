"""Accounts: the CLI creates them, login says the same for every failure, CSRF guards every form."""
import re

import pytest

from webapp.accounts.services import create_account
from webapp.directory.models import Service
from webapp.extensions import db

FAILED = "Het e-mailadres of het wachtwoord klopt niet."


def test_the_cli_creates_a_beheerder_who_can_log_in(runner, client, monkeypatch):
    monkeypatch.setenv("BUURTKAART_PASSWORD", "een-lang-wachtwoord")
    result = runner.invoke(args=["accounts", "create", "Anna@Meppel.nl", "--role", "beheerder",
                                 "--gemeente", "Meppel", "--gemeente", "Westerveld"])
    assert result.exit_code == 0, result.output
    assert "anna@meppel.nl (beheerder, Meppel, Westerveld)" in result.output
    response = client.post("/inloggen", data={"email": "anna@meppel.nl", "password": "een-lang-wachtwoord"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/beheer/")

    again = runner.invoke(args=["accounts", "create", "anna@meppel.nl", "--role", "inwoner", "--gemeente", "Meppel"])
    assert again.exit_code == 1 and "Er is al een account met dit e-mailadres." in again.output


def test_the_cli_refuses_a_short_password(runner, monkeypatch):
    monkeypatch.setenv("BUURTKAART_PASSWORD", "kort")
    result = runner.invoke(args=["accounts", "create", "b@meppel.nl", "--role", "inwoner", "--gemeente", "Meppel"])
    assert result.exit_code == 1 and "minstens 10 tekens" in result.output


def test_unknown_address_and_wrong_password_get_the_same_answer(client, app):
    create_account("kees@meppel.nl", "een-lang-wachtwoord", "coordinator", ["Meppel"])
    wrong = client.post("/inloggen", data={"email": "kees@meppel.nl", "password": "fout-wachtwoord"})
    unknown = client.post("/inloggen", data={"email": "niemand@meppel.nl", "password": "fout-wachtwoord"})
    assert wrong.status_code == unknown.status_code == 200
    assert FAILED in wrong.get_data(as_text=True) and FAILED in unknown.get_data(as_text=True)
    assert wrong.get_data(as_text=True).replace("kees@meppel.nl", "X") == unknown.get_data(as_text=True).replace(
        "niemand@meppel.nl", "X")


def test_login_never_redirects_to_another_site(client, app):
    create_account("kees@meppel.nl", "een-lang-wachtwoord", "beheerder", ["Meppel"])
    response = client.post("/inloggen?next=https://evil.example/", data={"email": "kees@meppel.nl",
                                                                        "password": "een-lang-wachtwoord"})
    assert response.headers["Location"] == "/beheer/"


def test_passwords_are_stored_as_scrypt_hashes(app):
    user = create_account("kees@meppel.nl", "een-lang-wachtwoord", "beheerder", ["Meppel"])
    assert user.password_hash.startswith("scrypt:") and "een-lang-wachtwoord" not in user.password_hash


def test_a_post_without_a_csrf_token_is_refused_in_dutch(csrf_client):
    create_account("kees@meppel.nl", "een-lang-wachtwoord", "beheerder", ["Meppel"])
    response = csrf_client.post("/inloggen", data={"email": "kees@meppel.nl", "password": "een-lang-wachtwoord"})
    assert response.status_code == 400
    assert "Het formulier is verlopen" in response.get_data(as_text=True)

    page = csrf_client.get("/inloggen").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    logged_in = csrf_client.post("/inloggen", data={"email": "kees@meppel.nl", "password": "een-lang-wachtwoord",
                                                    "csrf_token": token})
    assert logged_in.status_code == 302  # with its token the same form works
    created = csrf_client.post("/beheer/voorzieningen/nieuw", data={
        "name": "Zonder token", "gemeente": "Meppel", "access_route": "onbekend", "free_of_charge": "onbekend",
        "volunteers": "onbekend", "wheelchair_access": "onbekend"})
    assert created.status_code == 400
    assert db.session.scalar(db.select(Service).where(Service.name == "Zonder token")) is None
