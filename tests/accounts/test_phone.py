"""A phone number on every account: checked, stored in E.164, shown the Dutch way; and what a match shares."""
import pytest

from tests.accounts.test_flows import confirmed_resident, log_in, user
from webapp.accounts import phone
from webapp.errors import RuleViolation

DETAILS = {"display_name": "Sanne", "postcode": "7941 AB"}


@pytest.mark.parametrize("typed, stored, shown", [
    ("0522-123 456", "+31522123456", "0522 123 456"), ("06 12 34 56 78", "+31612345678", "06 12345678"),
    ("+31 6 1234 5678", "+31612345678", "06 12345678"), ("0032 470 12 34 56", "+32470123456", "+32 470 12 34 56"),
    ("", None, None)])
def test_a_number_is_stored_in_e164_and_shown_dutch_style(typed, stored, shown):
    assert phone.normalise(typed) == stored
    assert phone.display(stored) == shown


@pytest.mark.parametrize("typed", ["12345", "0522-123", "bel me maar", "112", "06 1234 5678 9"])
def test_what_is_no_phone_number_is_refused_in_dutch(typed):
    with pytest.raises(RuleViolation) as refused:
        phone.normalise(typed)
    assert "Vul een telefoonnummer in" in refused.value.reasons[0][1]


def test_a_resident_adds_a_phone_number_and_chooses_what_a_match_shares(client):
    confirmed_resident(client)
    log_in(client)
    client.post("/account", data={**DETAILS, "phone": "0522-123 456", "share_contact": "telefoon"})
    saved = user("sanne@example.org")
    assert (saved.phone, saved.share_contact) == ("+31522123456", "telefoon")
    assert "0522 123 456" in client.get("/account").get_data(as_text=True)

    bad = client.post("/account", data={**DETAILS, "phone": "bel me maar", "share_contact": "beide"})
    assert "Vul een telefoonnummer in" in bad.get_data(as_text=True)
    assert user("sanne@example.org").phone == "+31522123456"  # nothing changed


def test_sharing_only_the_phone_needs_a_phone_number(client):
    confirmed_resident(client)
    log_in(client)
    page = client.post("/account", data={**DETAILS, "phone": "", "share_contact": "telefoon"}).get_data(as_text=True)
    assert "Vul eerst een telefoonnummer in" in page
    assert user("sanne@example.org").share_contact == "beide"


def test_an_intake_account_gets_a_checked_number_and_shares_it(app, accounts):
    from webapp.accounts.intake import create_intake_account
    with pytest.raises(RuleViolation):
        create_intake_account(accounts["coordinator"], "Meneer Bos", "7941 AB", "0522", "Meppel")
    resident = create_intake_account(accounts["coordinator"], "Meneer Bos", "7941 AB", "0522 111 222", "Meppel")
    assert (resident.phone, resident.share_contact) == ("+31522111222", "telefoon")
    assert phone.shared(resident) == ("+31522111222", None)
