"""The kaart's vocabulary in beheer (/beheer/woorden): only beheerders, audited, a stale save refused (409), a
change counts from the next search on without a reindex, and a missed search joins a group in one click."""
import pytest
from sqlalchemy import select

from tests.html_forms import main_form
from tests.test_write_conflicts import CONFLICT, two_forms
from webapp.directory.models import MissedSearch
from webapp.extensions import db
from webapp.search.log import head
from webapp.search.vocabulary import SynonymGroup, SynonymGroupChange

API = "/api/v1/voorzieningen"


def group(name):
    db.session.expire_all()
    return db.session.scalar(select(SynonymGroup).where(SynonymGroup.name == name))


def edit_url(name):
    return f"/beheer/woorden/{group(name).id}"


def names(client, text):
    return [item["name"] for item in client.get(API, query_string={"q": text}).get_json()["results"]]


def test_a_beheerder_adds_a_word_and_the_next_search_finds_it_without_a_reindex(client, login, demo):
    assert names(client, "xqzyv") == []
    login("beheerder")
    assert "toeslagen" in client.get("/beheer/woorden").text
    url = edit_url("geld")
    form = main_form(client.get(url).text)
    position, generation = head(db.session), demo.extensions["search_index"].open().latest_generation()
    response = client.post(url, data={**form, "words": form["words"] + ", xqzyv"})
    assert response.status_code == 302
    assert "xqzyv" in group("geld").members
    assert "Geldloket Meppel" in names(client, "xqzyv")
    assert head(db.session) == position  # nothing went through the index log ...
    assert demo.extensions["search_index"].open().latest_generation() == generation  # ... nor into the index
    [entry] = db.session.scalars(select(SynonymGroupChange)).all()
    assert (entry.actor, entry.action, entry.group.name) == ("beheerder@example.org", "gewijzigd", "geld")
    assert entry.changes[0]["new"].endswith(", xqzyv") and "xqzyv" not in entry.changes[0]["old"]
    page = client.get("/beheer/woorden").text
    assert "beheerder@example.org" in page and ", xqzyv" in page


def test_a_word_of_another_group_or_only_stop_words_is_refused(client, login):
    login("beheerder")
    url = edit_url("geld")
    form = main_form(client.get(url).text)
    response = client.post(url, data={**form, "words": "schulden, taal"})
    assert response.status_code == 400 and "staat al in de groep" in response.text
    response = client.post(url, data={**form, "words": "schulden, van de"})
    assert response.status_code == 400 and "overslaat" in response.text
    assert "taal" not in group("geld").members
    assert db.session.scalars(select(SynonymGroupChange)).all() == []


def test_a_stale_save_is_refused_and_the_input_kept(app, accounts):
    url = edit_url("rouw")
    (anna, form_a), (bert, form_b) = two_forms(app, "beheerder", url)
    assert anna.post(url, data={**form_a, "words": form_a["words"] + ", afscheid"}).status_code == 302
    response = bert.post(url, data={**form_b, "words": "rouwen"})
    assert response.status_code == 409
    assert CONFLICT in response.text and "afscheid" in response.text
    assert main_form(response.text)["words"] == "rouwen"
    assert "afscheid" in group("rouw").members and "verdriet" in group("rouw").members


@pytest.mark.parametrize("role, expected", [(None, 302), ("inwoner", 403), ("coordinator", 403)])
def test_only_beheerders_may(client, login, role, expected):
    url = edit_url("geld")
    login(role)
    for response in (client.get("/beheer/woorden"), client.get(url), client.post(url, data={"words": "x"}),
                     client.post("/beheer/woorden/toevoegen", data={"word": "x", "group": group("geld").id}),
                     client.get("/beheer/woorden/nieuw"), client.post("/beheer/woorden/nieuw", data={"name": "x"})):
        assert response.status_code == expected
        if role is None:
            assert "/inloggen" in response.headers["Location"]
    assert "x" not in group("geld").members


def test_one_click_adds_a_missed_search_to_a_group(client, login, demo):
    client.get("/zoeken", query_string={"q": "Blauwe envelop"})
    assert db.session.get(MissedSearch, "blauwe envelop") is not None
    login("coordinator")
    assert "blauwe envelop" in client.get("/coordinator/dashboard").text
    assert "/beheer/woorden/toevoegen" not in client.get("/coordinator/dashboard").text  # a coördinator reads only
    login("beheerder")
    page = client.get("/coordinator/dashboard").text
    assert "/beheer/woorden/toevoegen" in page and 'name="word" value="blauwe envelop"' in page
    response = client.post("/beheer/woorden/toevoegen", data={"word": "blauwe envelop",
                                                               "group": group("administratie").id})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/coordinator/dashboard#zoekopdrachten")
    assert "blauwe envelop" in group("administratie").members
    assert db.session.get(MissedSearch, "blauwe envelop") is None  # off the list
    [entry] = db.session.scalars(select(SynonymGroupChange)).all()
    assert (entry.actor, entry.action) == ("beheerder@example.org", "woord toegevoegd")
    assert "Thuisadministratie Meppel" in names(client, "blauwe envelop")
    response = client.post("/beheer/woorden/toevoegen", data={"word": "pesten", "group": group("geld").id})
    assert response.status_code == 400 and "staat al in de groep" in response.text


def test_a_beheerder_makes_a_new_group_once_and_it_counts_at_once(client, login, demo):
    assert names(client, "kwelgeest") == []
    login("beheerder")
    assert 'href="/beheer/woorden"' in client.get("/beheer/").text
    form = main_form(client.get("/beheer/woorden/nieuw").text)
    data = {**form, "name": "Kwelgeest", "words": "kwelgeesten, jongerenwerk"}
    assert client.post("/beheer/woorden/nieuw", data=data).status_code == 302
    assert client.post("/beheer/woorden/nieuw", data=data).status_code == 302  # the same submission: one group
    assert group("kwelgeest").members == ["kwelgeest", "kwelgeesten", "jongerenwerk"]
    [entry] = db.session.scalars(select(SynonymGroupChange)).all()
    assert (entry.action, entry.group.name) == ("aangemaakt", "kwelgeest")
    assert "Jongerenwerk Steenwijkerland" in names(client, "kwelgeest")
    again = {**main_form(client.get("/beheer/woorden/nieuw").text), "name": "kwelgeest", "words": ""}
    response = client.post("/beheer/woorden/nieuw", data=again)
    assert response.status_code == 400 and "Er is al een groep" in response.text
    response = client.post("/beheer/woorden/nieuw", data={**again, "name": "twee woorden"})
    assert response.status_code == 400 and "één woord" in response.text
