"""/api/v1/openapi.json: it describes exactly the JSON routes that exist, and the API keeps to it under a
schema-driven fuzz (schemathesis: bounded, derandomized, in-process, no network)."""
import re
from datetime import date, time

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks
from schemathesis.specs.openapi import checks as openapi_checks

from tests.conftest import make_app
from tests.factories import make_post, make_service
from webapp.directory.models import Organization, Schedule, ScheduleException, ServiceArea
from webapp.posts.vocab import OPEN
from webapp.opendata import openapi

SITE = "http://buurtkaart.test"
CC0 = ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/")
SCHEMA = schemathesis.openapi.from_dict(openapi.document(SITE, *CC0))
EXAMPLES = 12
CHECKS = [checks.not_a_server_error, openapi_checks.status_code_conformance,
          openapi_checks.content_type_conformance, openapi_checks.response_schema_conformance]


def flask_path(rule):
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule)


def test_it_describes_every_json_route_and_nothing_else(app, client):
    served = client.get("/api/v1/openapi.json")
    assert served.status_code == 200 and served.get_json()["openapi"] == "3.1.0"
    document = served.get_json()
    routes = {flask_path(rule.rule) for rule in app.url_map.iter_rules()
              if rule.rule.startswith("/api/") and "GET" in rule.methods}
    assert set(document["paths"]) == routes
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/"):
            operation = document["paths"][flask_path(rule.rule)]["get"]
            named = {p["name"] for p in operation["parameters"] if p["in"] == "path"}
            assert named == set(rule.arguments)
    assert document["info"]["license"]["name"] == "CC0 1.0"
    assert client.get("/api/v1/hsds/").get_json()["openapi_url"] == f"{SITE}/api/v1/openapi.json"


def test_the_hsds_paths_are_those_of_the_hsds_openapi_file(app):
    from webapp.opendata import schema_files
    hsds = {f"/api/v1/hsds{path}" for path in schema_files.load("openapi.json")["paths"]}
    hsds = {re.sub(r"\{id\}", "{}", path) for path in hsds}
    ours = {re.sub(r"\{[a-z_]+\}", "{}", path) for path in openapi.document(SITE, *CC0)["paths"]
            if path.startswith("/api/v1/hsds")}
    assert ours == hsds


@pytest.fixture
def fuzz_app(app, accounts):
    """A small world with every kind of answer: voorzieningen with hours, werkgebied, organisation and theme, one
    tijdelijk gesloten, one online or by phone only, an open hulpvraag and hulpaanbod (the demo data is validated in
    full by test_hsds_api.py)."""
    app.config["RATELIMIT_API"] = "100000 per minute"
    service = make_service("Geldloket Meppel", gemeente="Meppel", point=(52.6956, 6.1937), themes=("geld-en-schulden",),
                           phone="0522 123456", languages="Nederlands, Engels", free_of_charge="ja", commit=False)
    service.organization = Organization(name="Gemeente Meppel")
    service.areas = [ServiceArea(name="Meppel"), ServiceArea(name="Westerveld")]
    service.schedules = [Schedule(weekday=0, opens=time(9), closes=time(12))]
    service.schedule_exceptions = [ScheduleException(day=date(2026, 12, 25), closed=True)]
    make_service("Buurthuis De Poort", gemeente="Meppel", closed_until=date(2099, 1, 1), closed_note="verbouwing")
    make_service("Hulplijn", gemeente="Meppel", point=(52.6956, 6.1937), remote_only=True)
    make_post("hulpvraag", author=accounts["inwoner"], status=OPEN, title="Boodschappen gezocht")
    make_post("hulpaanbod", author=accounts["inwoner_b"], status=OPEN, title="Ik doe boodschappen")
    return app


@SCHEMA.parametrize()
@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_the_api_keeps_to_its_description(fuzz_app, case):
    response = case.call(app=fuzz_app, base_url=SITE)
    case.validate_response(response, checks=CHECKS)
