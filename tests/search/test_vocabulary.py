"""The vocabulary residents use finds the demo voorzieningen; suggestions come only from the kaart's own live
words and never replace a word the kaart knows; missed searches count only what the words alone did not find."""
import pytest
from sqlalchemy import select

from tests.factories import make_post, make_service
from webapp.directory.models import MissedSearch
from webapp.directory.services import ServiceQuery, search_services
from webapp.extensions import db
from webapp.models_base import utcnow

API = "/api/v1/voorzieningen"


def search(client, text):
    return client.get(API, query_string={"q": text}).get_json()


def names(body):
    return [item["name"] for item in body["results"]]


@pytest.mark.parametrize("words, fitting", [
    ("toeslagen", "Uitvoeringsdienst Sociaal Domein (USD)"),  # "mensen met een uitkering", inkomen
    ("formulieren invullen", "Thuisadministratie Meppel"),
    ("brief van de belasting", "Thuisadministratie Meppel"),
    ("depressie", "Stichting Mindfit"),  # psychische problemen voorkomen
    ("overlijden", "Humanitas (begeleiding bij rouwverwerking)"),
    ("geldzorgen", "Schuldhulpverlening Gooise Meren"),
    ("nederlands leren", "Taalaanbod laaggeletterdheid Gooise Meren"),
])
def test_residents_words_find_a_fitting_demo_voorziening(client, demo, words, fitting):
    body = search(client, words)
    assert body.get("suggestion") is None
    assert fitting in names(body)[:10] or fitting in _all_names(client, words)


def test_pesten_finds_nothing_in_the_demo_and_is_never_corrected_to_peuter(client, demo):
    # No demo voorziening is about bullying (README): the honest answer is nothing, never toddler programmes.
    for words in ("pesten", "gepest"):
        body = search(client, words)
        assert body.get("suggestion") is None, words
        assert not any("peuter" in name.lower() for name in names(body)), words
    page = client.get("/zoeken", query_string={"q": "pesten"}).get_data(as_text=True)
    assert "Bedoelde u" not in page and "peuter" not in page.lower()


def test_a_misspelling_is_still_corrected_from_the_kaarts_words(client, demo):
    body = search(client, "shulden")
    assert body.get("suggestion") == "schulden" and body["total"] > 0


def test_suggestions_never_come_from_posts_or_withdrawn_posts(client, demo, accounts):
    make_post(author=accounts["inwoner"], title="Kwispelhondje uitlaten", description="Kwispelhondje")
    withdrawn = make_post(author=accounts["inwoner"], title="Zwaluwkastje ophangen", description="Zwaluwkastje")
    withdrawn.status = "ingetrokken"  # out of the index; its words stay in Whoosh's word list until a merge
    db.session.commit()
    for misspelt in ("kwispelhondjes", "zwaluwkastjes"):
        body = search(client, misspelt)
        assert body.get("suggestion") is None and body["total"] == 0, misspelt


def test_a_withdrawn_voorziening_gives_no_suggestion(client, app):
    service = make_service("Zwemvereniging Dolfijn", summary="Zwemles voor iedereen")
    assert search(client, "dolvijn").get("suggestion") == "dolfijn"
    service.archived_at = utcnow()
    db.session.commit()
    assert search(client, "dolvijn").get("suggestion") is None


def missed():
    return {row.text: row.count for row in db.session.scalars(select(MissedSearch))}


def test_a_search_emptied_only_by_a_filter_is_not_missed(client, demo):
    # The demo voorzieningen have no opening hours: 'nu open' empties every search.
    page = client.get("/zoeken", query_string={"q": "schulden", "nu_open": "y"})
    assert page.status_code == 200
    assert search_services(ServiceQuery(text="schulden", open_now=True)).total == 0
    client.get("/zoeken", query_string={"q": "xyzzy", "nu_open": "y"})
    client.get("/zoeken", query_string={"q": "xyzzy"})
    assert missed() == {"xyzzy": 2}


def _all_names(client, words):
    found, page = [], 1
    while True:
        batch = names(client.get(API, query_string={"q": words, "page": page}).get_json())
        if not batch:
            return found
        found += batch
        page += 1
