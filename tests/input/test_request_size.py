"""A request larger than the site takes is refused with a Dutch 413 before its body is read."""
import io

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from webapp.accounts.models import User
from webapp.extensions import db

MESSAGE = "Wat u stuurde is te groot: hoogstens 2 MB."
MB = 1024 * 1024


def multipart(client, path, values):
    """POST as multipart, the body built in memory (the test client would spool a large one to a file)."""
    values = {name: FileStorage(*value) if isinstance(value, tuple) else value for name, value in values.items()}
    boundary, body = encode_multipart(values)
    return client.post(path, data=body, content_type=f"multipart/form-data; boundary={boundary}")


@pytest.fixture
def spooled(app, monkeypatch):
    """Every temporary file Werkzeug would open for an uploaded file."""
    opened = []
    original = app.request_class._get_file_stream

    def record(self, *args, **kwargs):
        opened.append(args)
        return original(self, *args, **kwargs)
    monkeypatch.setattr(app.request_class, "_get_file_stream", record)
    return opened


@pytest.mark.parametrize("path", ["/registreren", "/inloggen", "/zoeken", "/beheer/import"])
def test_an_anonymous_3_mb_upload_is_a_dutch_413_and_nothing_is_kept(client, spooled, path):
    response = multipart(client, path, {"email": "jan@voorbeeld.nl", "password": "een-lang-wachtwoord",
                                        "display_name": "Jan", "postcode": "7941 AB", "privacy": "y",
                                        "bestand": (io.BytesIO(b"x" * 3 * MB), "groot.csv")})
    assert response.status_code == 413
    assert MESSAGE in response.get_data(as_text=True)
    assert spooled == []
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_a_large_plain_form_is_refused_too(client):
    response = client.post("/registreren", data={"display_name": "x" * 3 * MB})
    assert response.status_code == 413 and MESSAGE in response.get_data(as_text=True)


def test_the_api_answers_413_in_json(client):
    response = client.post("/api/v1/voorzieningen", data=b"x" * 3 * MB, content_type="application/octet-stream")
    assert response.status_code == 413
    assert response.get_json()["error"]["status"] == 413


def test_a_beheerder_may_send_a_larger_import(client, login):
    login("beheerder")
    big = b"naam;gemeente\n" + b"x" * (3 * MB)
    response = multipart(client, "/beheer/import", {"bestand": (io.BytesIO(big), "groot.csv")})
    assert response.status_code == 200  # the form again, saying the file is too large (over 2 MB)
    assert "2 MB" in response.get_data(as_text=True)
    confirm = client.post("/beheer/import/bevestigen", data={"csv_text": "naam;gemeente\n" + "x" * (3 * MB)})
    assert confirm.status_code != 413
    assert multipart(client, "/beheer/import", {"bestand": (io.BytesIO(b"x" * 9 * MB), "heel-groot.csv")}
                     ).status_code == 413


def test_an_inwoner_gets_the_form_maximum_at_the_import(client, login):
    login("inwoner")
    response = multipart(client, "/beheer/import", {"bestand": (io.BytesIO(b"x" * 3 * MB), "groot.csv")})
    assert response.status_code == 413
