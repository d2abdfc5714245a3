"""Mailed links: a new password or a new address voids older ones, a blocked account's links do nothing."""
from webapp.accounts import tokens
from webapp.extensions import db
from webapp.moderation import blocking


def reset(client, token):
    return client.post(f"/wachtwoord-herstellen/{token}", data={"password": "een-nieuw-wachtwoord"})


def test_a_blocked_accounts_reset_link_does_nothing(app, client, accounts):
    token = tokens.make_token("reset-password", accounts["inwoner"])
    blocking.block_everywhere(accounts["inwoner"], None, "Steeds reclame.")
    response = reset(client, token)
    assert response.status_code == 400 and "Deze link werkt niet meer" in response.text


def test_a_reset_link_to_the_old_address_dies_with_the_address(app, client, accounts):
    token = tokens.make_token("reset-password", accounts["inwoner"])
    accounts["inwoner"].email = "nieuw@example.org"
    db.session.commit()
    assert reset(client, token).status_code == 400
    assert reset(client, tokens.make_token("reset-password", accounts["inwoner"])).status_code == 302
