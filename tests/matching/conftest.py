"""Matching fixtures: an asker with a vraag, a helper with an aanbod, a third inwoner, and matches in any status."""
from datetime import timedelta

import pytest

from tests.conftest import PASSWORD, ROLE_ACCOUNTS
from tests.factories import make_post
from webapp.accounts.phone import normalise
from webapp.accounts.services import create_account
from webapp.extensions import db
from webapp.matching import services
from webapp.matching.models import ACCEPTED, CANCELLED, COMPLETED, CONFIRMED, PROPOSED
from webapp.posts.vocab import CONTACT_THEIRS

# As the site shows them (webapp/accounts/phone.py); stored in E.164 like every account's number.
ASKER_PHONE, HELPER_PHONE = "0522 111 222", "06 33334444"
OTHER_EMAIL = "derde@example.org"
FIRST_MESSAGE = "Ik kan op dinsdag boodschappen voor u doen."
# How each status is reached from a fresh reaction, through the real services.
ROUTE = {PROPOSED: [], ACCEPTED: ["accept"], CONFIRMED: ["accept", "confirm"],
         COMPLETED: ["accept", "confirm", "complete"], CANCELLED: ["withdraw"]}


@pytest.fixture
def people(accounts):
    """asker (inwoner), helper (inwoner_b), other (a third inwoner), and the role accounts; with phone numbers."""
    accounts["inwoner"].display_name = "Anna de Vrager"
    accounts["inwoner"].phone = normalise(ASKER_PHONE)
    accounts["inwoner_b"].display_name = "Henk Helper"
    accounts["inwoner_b"].phone = normalise(HELPER_PHONE)
    db.session.commit()
    other = create_account(OTHER_EMAIL, PASSWORD, "inwoner", ["Meppel"])
    return {**accounts, "asker": accounts["inwoner"], "helper": accounts["inwoner_b"], "other": other}


@pytest.fixture
def vraag(people):
    return make_post("hulpvraag", author=people["asker"], title="Boodschappen op dinsdag", place="7941 AB")


@pytest.fixture
def aanbod(people):
    return make_post("hulpaanbod", author=people["helper"], title="Ik doe graag boodschappen", place="7941 AB")


@pytest.fixture
def make_match(people, vraag):
    """make_match(status) -> a match between asker and helper in that status, reached through the services."""
    def make(status=PROPOSED, request=None):
        match = services.react_to_request(request or vraag, people["helper"], FIRST_MESSAGE)
        for step in ROUTE[status]:
            _step(match, step, people)
        return match
    return make


def _step(match, step, people):
    if step == "accept":
        services.accept(match, people["asker"])
    elif step == "confirm":
        services.confirm(match, people["coordinator"])
        # The planned day lies behind us: the help took place, "Hoe ging het?" may be answered (test_follow_up.py
        # checks the days before it).
        match.planned_on -= timedelta(days=30)
        db.session.commit()
    elif step == "complete":
        services.complete(match, people["coordinator"])
    elif step == "withdraw":
        services.withdraw(match, people["helper"])


def on_behalf(vraag):
    """The vraag is for someone else, whose details the helper gets after confirmation."""
    vraag.behalf_name, vraag.contact_choice = "Oma Jansen", CONTACT_THEIRS
    vraag.contact_name, vraag.contact_phone, vraag.contact_email = "Oma Jansen", "0522 999 888", "oma@example.org"
    db.session.commit()


EMAILS = {"asker": ROLE_ACCOUNTS["inwoner"][0], "helper": ROLE_ACCOUNTS["inwoner_b"][0], "other": OTHER_EMAIL,
          **{name: email for name, (email, _role, _gemeenten) in ROLE_ACCOUNTS.items()}}


@pytest.fixture
def log_in(client, people):
    """log_in("asker" | "helper" | "other" | a ROLE_ACCOUNTS name | None)."""
    def do(name):
        client.post("/uitloggen")
        if name is not None:
            response = client.post("/inloggen", data={"email": EMAILS[name], "password": PASSWORD})
            assert response.status_code == 302
    return do
