"""What the site itself writes around the data is in the page's language ("postcode 7941", "gemeente Meppel"), and
Dutch data on an Arabic page runs left to right (dir="ltr"), so its full stop stays at its end; a resident's own words
(any language) get dir="auto"."""
import re

import pytest

from tests.factories import make_post
from tests.i18n.helpers import translated
from webapp.board.public import public_url
from webapp.dashboard.charts import grouped_bars
from webapp.models_base import utcnow
from webapp.posts.vocab import REQUEST


def search(client, language, place):
    return client.get("/zoeken", query_string={"q": "schulden", "plaats": place},
                      headers={"Accept-Language": language}).get_data(as_text=True)


@pytest.mark.parametrize("language, meppel", [("en", '<span lang="nl">Meppel</span>'),
                                              ("ar", '<span lang="nl" dir="ltr">Meppel</span>')])
def test_the_searched_postcode_and_gemeente_are_named_in_the_pages_language(demo, client, language, meppel):
    near = translated(language, "bij %(place)s")
    postcode = translated(language, "postcode %(code)s") % {"code": "7941"}
    assert near % {"place": postcode} in search(client, language, "7941")
    gemeente = translated(language, "gemeente %(name)s") % {"name": meppel}
    assert near % {"place": gemeente} in search(client, language, "gemeente Meppel")
    assert "postcode 7941" not in search(client, "ar", "7941")


def test_dutch_data_on_an_arabic_page_runs_left_to_right_and_on_an_english_page_keeps_its_direction(demo, client):
    name = '>Geldloket Meppel</a>'
    assert f'lang="nl" dir="ltr"{name}' in search(client, "ar", "7941")
    assert f'lang="nl"{name}' in search(client, "en", "7941")
    assert f'"/voorzieningen/geldloket-meppel"{name}' in search(client, "nl", "7941")


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_a_residents_own_words_take_their_direction_from_their_first_letter(app, client, language):
    post = make_post(REQUEST, place="7941 AB", title="أحتاج مساعدة في التسوق", categories="boodschappen",
                     now=utcnow())
    page = client.get(public_url(post), headers={"Accept-Language": language}).get_data(as_text=True)
    assert re.search(r'<h1 class="utrecht-heading-1"[^>]* dir="auto">أحتاج مساعدة في التسوق</h1>', page)
    assert 'dir="ltr"' not in re.search(r"<h1[^>]*>", page).group(0)


def test_the_coordinator_reads_how_precise_a_place_is_in_the_pages_language(client, login):
    post = make_post(REQUEST, status="pending", place="7941", title="Boodschappen", categories="boodschappen")
    login("coordinator")
    page = client.get(f"/coordinator/controle/{post.id}", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert re.search(r"<dt>How precise the location is</dt><dd[^>]*>at the postcode</dd>", page)


def test_the_dashboard_chart_is_drawn_left_to_right_on_an_arabic_page_too():
    assert 'direction="ltr"' in grouped_bars("Aanvragen", [("1", "week 1", {"a": 2})], [("a", "طلبات")])
