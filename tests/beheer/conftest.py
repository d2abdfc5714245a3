"""Accounts for the beheer tests: one per role, and a beheerder of another gemeente."""
import pytest

from tests.conftest import make_app
from webapp.extensions import db

from webapp.accounts.services import create_account

PASSWORD = "een-lang-wachtwoord"
ROLE_ACCOUNTS = {
    "inwoner": ("inwoner@example.org", "inwoner", ["Meppel"]),
    "coordinator": ("coordinator@example.org", "coordinator", ["Meppel"]),
    "beheerder": ("beheerder@example.org", "beheerder", ["Meppel"]),
    "beheerder_elders": ("beheerder@tynaarlo.example.org", "beheerder", ["Tynaarlo"]),
}


@pytest.fixture
def accounts(app):
    """{name: User} for every entry of ROLE_ACCOUNTS."""
    return {name: create_account(email, PASSWORD, role, gemeenten)
            for name, (email, role, gemeenten) in ROLE_ACCOUNTS.items()}


@pytest.fixture
def login(client, accounts):
    """login("beheerder") logs the test client in as that account; login(None) stays anonymous."""
    def log_in(name):
        client.post("/uitloggen")
        if name is None:
            return None
        response = client.post("/inloggen", data={"email": ROLE_ACCOUNTS[name][0], "password": PASSWORD})
        assert response.status_code == 302, response.get_data(as_text=True)
        return accounts[name]
    return log_in


@pytest.fixture
def csrf_client(database_url, tmp_path):
    app = make_app(database_url, tmp_path / "csrf-index", WTF_CSRF_ENABLED=True)
    with app.app_context():
        yield app.test_client()
        db.session.remove()
        db.engine.dispose()
        app.extensions["search_index"].close()


def verify_ok(runner):
    """`search verify` passes: the index holds exactly the database's searchable rows, in their versions."""
    result = runner.invoke(args=["search", "verify"])
    assert result.exit_code == 0, result.output
