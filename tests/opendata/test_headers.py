"""Open data answers: CORS for any origin, ETag and Last-Modified that give a 304, the licence as a Link header and
on /over-deze-gegevens, from the settings."""
from tests.factories import make_service
from webapp.extensions import db
from webapp.opendata.ids import timestamp

CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"


def test_any_origin_may_read_the_open_data(app, client):
    make_service("Buurthuis")
    response = client.get("/api/v1/hsds/services", headers={"Origin": "https://portaal.example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.headers["Link"] == f'<{CC0}>; rel="license"'
    preflight = client.options("/api/v1/hsds/services", headers={"Origin": "https://portaal.example.org",
                                                                 "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 200 and preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in client.get("/api/v1/voorzieningen").headers  # only the open data


def test_etag_and_last_modified_answer_304_until_the_data_changes(app, client):
    service = make_service("Buurthuis")
    first = client.get(f"/api/v1/hsds/services/{service.id}")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert first.headers["Cache-Control"] == "public, max-age=300"
    assert timestamp(first.last_modified) == timestamp(service.updated_at.replace(microsecond=0))
    assert client.get(f"/api/v1/hsds/services/{service.id}", headers={"If-None-Match": etag}).status_code == 304
    assert client.get(f"/api/v1/hsds/services/{service.id}",
                      headers={"If-Modified-Since": modified}).status_code == 304
    service.name = "Buurthuis De Poort"
    db.session.commit()
    changed = client.get(f"/api/v1/hsds/services/{service.id}", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.get_json()["name"] == "Buurthuis De Poort"
    page = client.get("/api/v1/hsds/services")
    assert client.get("/api/v1/hsds/services", headers={"If-None-Match": page.headers["ETag"]}).status_code == 304


def test_the_licence_is_a_setting(other_app):
    app = other_app(OPEN_DATA_LICENCE_NAME="CC BY 4.0",
                    OPEN_DATA_LICENCE_URL="https://creativecommons.org/licenses/by/4.0/")
    with app.app_context():
        client = app.test_client()
        root = client.get("/api/v1/hsds/")
        assert root.get_json()["license"]["name"] == "CC BY 4.0"
        assert root.headers["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
        page = client.get("/over-deze-gegevens").get_data(as_text=True)
        assert "CC BY 4.0" in page and 'href="https://creativecommons.org/licenses/by/4.0/"' in page
        assert "/api/v1/hsds/" in page and "/api/v1/openapi.json" in page
