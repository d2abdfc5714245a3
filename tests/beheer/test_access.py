"""Who may do what in /beheer: every route x anonymous / inwoner / coördinator / beheerder of this gemeente /
beheerder of another gemeente. Refused means 403 or a redirect to the login page; never the page, never a change."""
import pytest
from sqlalchemy import func, select

from tests.factories import make_service
from webapp.directory.audit import AuditEntry
from webapp.directory.models import Service
from webapp.extensions import db

REFUSED_ROLES = [None, "inwoner", "coordinator", "beheerder_elders"]


def service_routes(service_id):
    base = f"/beheer/voorzieningen/{service_id}"
    return [
        ("GET", f"{base}/bewerken", None),
        ("POST", f"{base}/bewerken", {"name": "Gekaapt", "gemeente": "Meppel", "access_route": "onbekend",
                                      "free_of_charge": "onbekend", "volunteers": "onbekend",
                                      "wheelchair_access": "onbekend"}),
        ("GET", f"{base}/openingstijden", None),
        ("POST", f"{base}/openingstijden", {"slots-0-weekday": "0", "slots-0-opens": "09:00",
                                           "slots-0-closes": "12:00"}),
        ("POST", f"{base}/archiveren", {}),
        ("POST", f"{base}/herstellen", {}),
    ]


GENERAL_ROUTES = [
    ("GET", "/beheer/", None),
    ("GET", "/beheer/te-controleren", None),
    ("GET", "/beheer/voorzieningen/nieuw", None),
    ("POST", "/beheer/voorzieningen/nieuw", {"name": "Nieuw", "gemeente": "Meppel"}),
    ("GET", "/beheer/import", None),
    ("POST", "/beheer/import", {}),
    ("POST", "/beheer/import/bevestigen", {"csv_text": "naam;gemeente\nIngebroken;Meppel\n"}),
    ("GET", "/beheer/export.csv", None),
]


def state(service):
    db.session.expire_all()
    fresh = db.session.get(Service, service.id)
    return (db.session.scalar(select(func.count()).select_from(Service)),
            db.session.scalar(select(func.count()).select_from(AuditEntry)),
            fresh.version, fresh.name, fresh.archived_at)


def is_refused(response, role):
    if role is None:
        return response.status_code == 302 and "/inloggen" in response.headers["Location"]
    return response.status_code == 403


@pytest.mark.parametrize("role", REFUSED_ROLES)
@pytest.mark.parametrize("index", range(6))
def test_service_routes_are_refused_to_everyone_but_its_beheerders(client, login, role, index):
    service = make_service("Buurthuis Oost", gemeente="Meppel")
    method, path, data = service_routes(service.id)[index]
    login(role)
    before = state(service)
    response = client.open(path, method=method, data=data)
    assert is_refused(response, role), (method, path, response.status_code)
    assert "Buurthuis Oost" not in response.get_data(as_text=True)
    assert state(service) == before


@pytest.mark.parametrize("role", [None, "inwoner", "coordinator"])
@pytest.mark.parametrize("method, path, data", GENERAL_ROUTES)
def test_general_beheer_routes_are_refused_to_non_beheerders(client, login, role, method, path, data):
    service = make_service("Buurthuis West", gemeente="Meppel")
    login(role)
    before = state(service)
    response = client.open(path, method=method, data=data)
    assert is_refused(response, role), (method, path, response.status_code)
    assert state(service) == before


def test_a_beheerder_of_another_gemeente_sees_and_creates_only_there(client, login):
    service = make_service("Buurthuis Noord", gemeente="Meppel")
    login("beheerder_elders")
    before = state(service)
    listing = client.get("/beheer/").get_data(as_text=True)
    assert "Buurthuis Noord" not in listing
    response = client.post("/beheer/voorzieningen/nieuw", data={
        "name": "Stiekem", "gemeente": "Meppel", "access_route": "onbekend", "free_of_charge": "onbekend",
        "volunteers": "onbekend", "wheelchair_access": "onbekend"})
    assert response.status_code == 200  # the form again, with its error
    assert "Not a valid choice" not in response.get_data(as_text=True)
    assert state(service) == before


@pytest.mark.parametrize("index", range(6))
def test_the_beheerder_of_this_gemeente_gets_every_route(client, login, index):
    service = make_service("Buurthuis Zuid", gemeente="Meppel")
    method, path, data = service_routes(service.id)[index]
    login("beheerder")
    response = client.open(path, method=method, data=data)
    assert response.status_code in (200, 302)
    assert "/inloggen" not in response.headers.get("Location", "")
