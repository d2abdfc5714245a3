"""Every e-mail address the site accepts passes one syntax check (email-validator, no network)."""
import pytest
from sqlalchemy import func, select

from tests.conftest import PASSWORD
from tests.factories import make_post
from webapp.accounts.models import User
from webapp.email_address import valid_email
from webapp.extensions import db
from webapp.mail.models import OutboxMail
from webapp.moderation.models import AbuseReport

MESSAGE = "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."
BAD = ["NULL", "a@b", "jan @voorbeeld.nl", "jan@voor beeld.nl", "jan@@voorbeeld.nl", "@voorbeeld.nl", "jan@",
       "jöran@voorbeeld.nl", "jan@voorbeeld.nl\x00", "jan@-voorbeeld.nl", "a" * 250 + "@voorbeeld.nl",
       "jan@localhost", "jan@voorbeeld..nl"]


@pytest.mark.parametrize("address", BAD)
def test_bad_addresses_are_refused(address):
    assert valid_email(address) is None


@pytest.mark.parametrize("address, stored", [(" Jan@Voorbeeld.NL ", "jan@voorbeeld.nl"),
                                             ("jan+buurt@example.org", "jan+buurt@example.org"),
                                             ("jan@bücher.example", "jan@xn--bcher-kva.example")])
def test_good_addresses_are_stored_in_one_form(address, stored):
    assert valid_email(address) == stored


def counts():
    return [db.session.scalar(select(func.count()).select_from(model)) for model in (User, OutboxMail, AbuseReport)]


@pytest.mark.parametrize("address", ["NULL", "a@b", "jan @voorbeeld.nl", "jöran@voorbeeld.nl"])
def test_registration_refuses_a_bad_address(client, address):
    before = counts()
    response = client.post("/registreren", data={"email": address, "password": PASSWORD, "display_name": "Jan",
                                                  "postcode": "7941 AB", "privacy": "y"})
    assert MESSAGE in response.get_data(as_text=True)
    assert counts() == before


def test_change_of_address_refuses_null(client, login):
    login("inwoner")
    before = counts()
    response = client.post("/account/e-mail", data={"email": "NULL", "password": PASSWORD})
    assert MESSAGE in response.get_data(as_text=True)
    assert counts() == before


def test_an_anonymous_report_refuses_a_bad_address(client, accounts):
    post = make_post("hulpvraag", author=accounts["inwoner"])
    before = counts()
    response = client.post(f"/voor-elkaar/berichten/{post.id}/melden", data={"reason": "Dit klopt niet", "email": "a@b"})
    assert response.status_code == 400 and MESSAGE in response.get_data(as_text=True)
    assert counts() == before


def test_a_contact_address_on_a_vraag_is_checked(client, login):
    login("inwoner")
    response = client.post("/voor-elkaar/hulpvraag/nieuw", data={
        "title": "Boodschappen", "description": "Boodschappen doen", "category": "boodschappen",
        "when_kind": "flexibel", "place": "7941 AB", "for_whom": "ander", "behalf_name": "Oma",
        "behalf_relation": "familie", "contact_choice": "hulpvrager", "contact_name": "Oma", "contact_email": "NULL"})
    assert MESSAGE in response.get_data(as_text=True)


def test_the_accounts_cli_refuses_null(runner, monkeypatch):
    monkeypatch.setenv("BUURTKAART_PASSWORD", PASSWORD)
    result = runner.invoke(args=["accounts", "create", "NULL", "--role", "beheerder", "--gemeente", "Meppel"])
    assert result.exit_code == 1 and MESSAGE in result.output
    assert db.session.scalar(select(func.count()).select_from(User)) == 0
