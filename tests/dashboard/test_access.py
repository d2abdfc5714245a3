"""Who may see which gemeente's dashboard, and what bad dates do."""
import pytest

from tests.dashboard.conftest import PERIOD
from tests.dashboard.helpers import as_dicts, csv_rows, html_tables
from webapp.accounts.services import create_account

PATHS = ["/coordinator/dashboard", "/coordinator/dashboard.csv"]


@pytest.mark.parametrize("path", PATHS)
def test_anonymous_goes_to_the_login_page(client, accounts, path):
    response = client.get(path)
    assert response.status_code == 302 and "/inloggen" in response.headers["Location"]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("name, status", [("inwoner", 403), ("coordinator", 200), ("beheerder", 200),
                                          ("coordinator_elders", 200)])
def test_only_coordinators_and_beheerders(login, client, path, name, status):
    login(name)
    assert client.get(path).status_code == status


@pytest.mark.parametrize("path", PATHS)
def test_another_gemeente_is_forbidden(login, client, path):
    login("coordinator_elders")
    assert client.get(path, query_string={"gemeente": "Meppel"}).status_code == 403


def test_a_coordinator_sees_only_their_own_gemeente(timeline, login, client):
    login("coordinator_elders")
    response = client.get("/coordinator/dashboard", query_string=PERIOD)
    html = response.get_data(as_text=True)
    assert "Dashboard voor elkaar: Tynaarlo" in html and "Vraag vijf" not in html
    assert 'type="hidden" name="gemeente" value="Tynaarlo"' in html  # one gemeente: no select
    totals = as_dicts(html_tables(response)[0])["Totaal"]
    assert (totals["Vragen"], totals["Unieke verbindingen"], totals["Bevestigde matches"]) == ("1", "1", "1")


def test_several_gemeenten_get_a_select(timeline, client):
    create_account("twee@example.org", "een-lang-wachtwoord", "coordinator", ["Meppel", "Tynaarlo"])
    client.post("/inloggen", data={"email": "twee@example.org", "password": "een-lang-wachtwoord"})
    html = client.get("/coordinator/dashboard", query_string=PERIOD).get_data(as_text=True)
    assert '<select class="utrecht-select utrecht-select--html-select" id="gemeente" name="gemeente">' in html
    tynaarlo = client.get("/coordinator/dashboard.csv", query_string={**PERIOD, "gemeente": "Tynaarlo"})
    assert csv_rows(tynaarlo)[-1][1] == "1"  # the totals row: one vraag
    assert "dashboard-tynaarlo-" in tynaarlo.headers["Content-Disposition"]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("args, message", [
    ({"van": "4-3-2024"}, "Vul de datum in als JJJJ-MM-DD"),
    ({"tot": "2024-02-30"}, "Vul de datum in als JJJJ-MM-DD"),
    ({"van": "2024-03-24", "tot": "2024-03-04"}, "moet vóór de datum ‘tot en met’ liggen"),
    ({"van": "2020-01-01", "tot": "2024-03-04"}, "Kies een periode van hooguit twee jaar"),
    ({"van": "x" * 500}, "Vul de datum in als JJJJ-MM-DD"),
    ({"van": "0001-01-01", "tot": "0001-01-02"}, "Kies een datum tussen 2000 en 2100"),
    ({"tot": "9999-12-31"}, "Kies een datum tussen 2000 en 2100"),
])
def test_bad_dates_get_a_dutch_message(login, client, path, args, message):
    login("coordinator")
    response = client.get(path, query_string=args)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html and 'aria-invalid="true"' in html
    assert "bk-dashboard-table" not in html
