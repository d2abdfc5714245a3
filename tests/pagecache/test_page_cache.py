"""Search pages kept for a few seconds for visitors without a session: the same page for everyone who may see it,
never stale past a change the index has taken in, never for a visitor with a session."""
import cachelib.simple
import pytest
from flask import flash

from tests.factories import make_service
from tests.ops.test_metrics import samples, scrape, value
from webapp import pagecache
from webapp.directory import routes
from webapp.directory.models import MissedSearch
from webapp.extensions import db
from webapp.search import searched
from webapp.search.vocabulary import SynonymGroup

SEARCH = "/zoeken?q=voedselbank&plaats=7941"


@pytest.fixture
def kept(other_app, monkeypatch):
    """An app that keeps pages for a minute, its test client and how many searches each request ran; the clock's
    minute stands still (a test that crossed one would see a new page)."""
    monkeypatch.setattr(pagecache, "minute", lambda: 1000)
    app = other_app(PAGE_CACHE_SECONDS=60)
    runs = []

    def count(_sender, **_extra):
        runs.append(1)
    searched.connect(count, sender=app)
    with app.app_context():
        make_service("Voedselbank Meppel", summary="Voedselpakketten", point=(52.6956, 6.1944))
        client = app.test_client()

        def get(url, **options):
            runs.clear()
            response = client.get(url, **options)
            assert response.status_code == 200
            return response, len(runs)
        yield app, client, get
    searched.disconnect(count, sender=app)


def test_a_visitor_without_a_session_gets_the_page_another_visitor_made(kept):
    _app, _client, get = kept
    first, searches = get(SEARCH)
    assert searches >= 1 and "Voedselbank Meppel" in first.get_data(as_text=True)
    again, searches = get(SEARCH)
    assert searches == 0
    assert again.get_data() == first.get_data()
    assert {"Cookie", "Accept-Language"} <= set(again.vary)  # a proxy must not mix languages either
    assert again.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]
    assert get(SEARCH + "&pagina=1")[1] >= 1  # another address is another page


def test_a_change_the_index_took_in_shows_at_once(kept):
    _app, _client, get = kept
    get(SEARCH)
    make_service("Voedselbank Nijeveen", summary="Voedselpakketten", point=(52.7300, 6.1700))
    page, searches = get(SEARCH)
    assert searches >= 1 and "Voedselbank Nijeveen" in page.get_data(as_text=True)


def test_each_language_and_each_minute_has_its_own_page(kept, monkeypatch):
    _app, _client, get = kept
    dutch, _ = get(SEARCH)
    english, searches = get(SEARCH, headers={"Accept-Language": "en"})
    assert searches >= 1 and 'lang="en"' in english.get_data(as_text=True)
    assert get(SEARCH, headers={"Accept-Language": "nl"})[0].get_data() == dutch.get_data()
    monkeypatch.setattr(pagecache, "minute", lambda: 1001)  # "nu open" may differ in the next minute
    assert get(SEARCH)[1] >= 1


def test_a_page_is_kept_no_longer_than_the_setting(kept, monkeypatch):
    _app, _client, get = kept
    get(SEARCH)
    now = cachelib.simple.time()
    monkeypatch.setattr(cachelib.simple, "time", lambda: now + 59)
    assert get(SEARCH)[1] == 0
    monkeypatch.setattr(cachelib.simple, "time", lambda: now + 61)  # PAGE_CACHE_SECONDS=60: a translation shows
    assert get(SEARCH)[1] >= 1


def test_a_synonym_group_counts_at_once(kept):
    _app, _client, get = kept
    assert "Voedselbank Meppel" not in get("/zoeken?q=xyzzy")[0].get_data(as_text=True)
    db.session.add(SynonymGroup(name="xyzzy", words="voedselbank"))
    db.session.commit()
    page, searches = get("/zoeken?q=xyzzy")
    assert searches >= 1 and "Voedselbank Meppel" in page.get_data(as_text=True)
    assert db.session.get(MissedSearch, "xyzzy").count == 1


def test_a_page_that_touched_the_session_is_not_kept(kept, monkeypatch):
    app, _client, get = kept
    searched_here = routes.run_search

    def with_a_message(*args, **kwargs):
        flash("Een bericht voor deze bezoeker")
        return searched_here(*args, **kwargs)
    monkeypatch.setattr(routes, "run_search", with_a_message)
    get(SEARCH)
    monkeypatch.setattr(routes, "run_search", searched_here)
    other_visitor = app.test_client()
    runs = []
    with searched.connected_to(lambda _sender, **_extra: runs.append(1)):
        page = other_visitor.get(SEARCH).get_data(as_text=True)
    assert runs and "Een bericht voor deze bezoeker" not in page


def test_a_visitor_with_a_session_always_gets_a_fresh_page(kept, accounts):
    _app, client, get = kept
    get(SEARCH)
    response = client.post("/inloggen", data={"email": "inwoner@example.org", "password": "een-lang-wachtwoord"})
    assert response.status_code == 302
    page, searches = get(SEARCH)
    assert searches >= 1 and "Uitloggen" in page.get_data(as_text=True)
    assert get(SEARCH)[1] >= 1
    client.post("/uitloggen")
    client.delete_cookie("session", domain="buurtkaart.test")
    anonymous, searches = get(SEARCH)
    assert searches == 0 and "Uitloggen" not in anonymous.get_data(as_text=True)


def test_missed_searches_count_for_a_kept_page_too(kept):
    _app, _client, get = kept
    assert get("/zoeken?q=xyzzy")[1] >= 1
    assert get("/zoeken?q=xyzzy")[1] == 0
    assert get("/thema/geld-en-schulden?q=xyzzy")[1] >= 1
    assert get("/thema/geld-en-schulden?q=xyzzy")[1] == 0
    assert db.session.get(MissedSearch, "xyzzy").count == 4


def test_the_map_markers_and_the_metrics(kept):
    _app, client, get = kept
    before = value(samples(scrape(client)), "buurtkaart_pages_reused_total", endpoint="directory.markers")
    markers, _ = get("/zoeken/kaart?q=voedselbank&plaats=7941")
    again, searches = get("/zoeken/kaart?q=voedselbank&plaats=7941")
    assert searches == 0 and again.get_json() == markers.get_json()
    assert [marker["name"] for marker in again.get_json()] == ["Voedselbank Meppel"]
    assert again.mimetype == "application/json"
    assert value(samples(scrape(client)), "buurtkaart_pages_reused_total", endpoint="directory.markers") == before + 1


def test_off_when_the_setting_is_zero(client):
    make_service("Voedselbank Meppel", summary="Voedselpakketten")
    runs = []

    def count(_sender, **_extra):
        runs.append(1)
    with searched.connected_to(count):
        for _ in range(2):
            client.get(SEARCH)
    assert len(runs) >= 2
