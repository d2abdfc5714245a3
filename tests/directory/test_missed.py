"""Kaart searches without results, counted by their words only."""
import threading

import pytest
from sqlalchemy import inspect, select

from tests.factories import make_service
from webapp.directory import missed
from webapp.directory.models import MissedSearch
from webapp.extensions import db


def counts():
    return {row.text: row.count for row in db.session.scalars(select(MissedSearch))}


def test_searches_without_results_are_counted_by_text(app, client):
    assert client.get("/zoeken", query_string={"q": "Xyzzy"}).status_code == 200
    assert client.get("/zoeken", query_string={"q": "  xyzzy  "}).status_code == 200
    assert client.get("/zoeken", query_string={"q": "Kóffie   Plúgh"}).status_code == 200
    assert counts() == {"xyzzy": 2, "koffie plugh": 1}
    row = db.session.get(MissedSearch, "xyzzy")
    assert row.first_seen_at <= row.last_seen_at


def test_searches_with_results_or_without_words_are_not_counted(app, client):
    make_service("Voedselbank Meppel", summary="Voedselpakketten voor wie krap zit")
    assert "Voedselbank Meppel" in client.get("/zoeken", query_string={"q": "voedselbank"}).get_data(as_text=True)
    client.get("/zoeken", query_string={"q": "   "})
    client.get("/zoeken", query_string={"q": "!!!"})
    client.get("/zoeken/kaart", query_string={"q": "xyzzy"})  # the map's markers: the page already counted
    assert counts() == {}


def test_a_theme_page_counts_its_words(app, client):
    assert client.get("/thema/geld-en-schulden", query_string={"q": "xyzzy"}).status_code == 200
    assert counts() == {"xyzzy": 1}


def test_no_person_is_stored(app, client, login):
    login("inwoner")
    client.get("/zoeken", query_string={"q": "xyzzy"})
    columns = {column["name"] for column in inspect(db.engine).get_columns("missed_searches")}
    assert columns == {"text", "count", "first_seen_at", "last_seen_at"}
    assert counts() == {"xyzzy": 1}


def test_phone_numbers_and_mail_addresses_are_not_stored(app, client):
    client.get("/zoeken", query_string={"q": "Xyzzy bel 06-12345678 of mail a.b@example.org"})
    assert counts() == {"xyzzy bel verborgen of mail verborgen": 1}


def test_long_text_is_cut_to_200_characters(app):
    missed.record_missed_search("Woord  " * 60)
    assert [len(text) for text in counts()] == [200]
    assert next(iter(counts())).startswith("woord woord ")


def test_a_failure_never_breaks_the_search_page(app, client, monkeypatch):
    def broken(_text):
        raise RuntimeError("database gone")
    monkeypatch.setattr(missed, "record_missed_search", broken)
    response = client.get("/zoeken", query_string={"q": "xyzzy"})
    assert response.status_code == 200
    assert counts() == {}


@pytest.mark.parametrize("searches", [1, 3])
def test_the_dashboard_lists_them_most_frequent_first(app, client, login, searches):
    for _ in range(searches):
        missed.record_missed_search("plugh")
    missed.record_missed_search("xyzzy")
    missed.record_missed_search("xyzzy")
    login("coordinator")
    html = client.get("/coordinator/dashboard").get_data(as_text=True)
    section = html.split('id="zoekopdrachten"')[1]
    order = sorted(["plugh", "xyzzy"], key=lambda text: (section.index(f">{text}<")))
    assert order == (["plugh", "xyzzy"] if searches == 3 else ["xyzzy", "plugh"])


def test_concurrent_counts_are_not_lost(app):
    """Several workers counting the same words at once: the upsert adds every one of them."""
    errors = []

    def count_five():
        with app.app_context():
            try:
                for _ in range(5):
                    missed.record_missed_search("xyzzy")
            except Exception as error:  # noqa: BLE001  (reported below, in the test's own thread)
                errors.append(error)
            finally:
                db.session.remove()

    workers = [threading.Thread(target=count_five) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    assert counts() == {"xyzzy": 20}
