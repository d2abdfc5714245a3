"""Voor elkaar is not for emergencies: a hulpvraag with words of danger shows "Direct hulp nodig?" when the form
comes back (refused) and on the post's own page once saved; an everyday hulpvraag does not."""
import pytest

from tests.posts.helpers import all_posts, request_form

NEW = "/voor-elkaar/hulpvraag/nieuw"
SHOWN, HIDDEN = "data-safety-net>", "data-safety-net hidden>"  # hidden: for static/js/safety_net.js to show
CRISIS = [("title", "Ik wil niet meer leven"), ("description", "Mijn buurvrouw wordt thuis mishandeld"),
          ("description", "Ik denk aan SUÏCIDE"), ("title", "Huiselijk geweld"), ("description", "ik word geslagen")]


@pytest.mark.parametrize("field, words", CRISIS)
def test_a_refused_form_with_crisis_words_shows_the_safety_net(client, login, field, words):
    login("inwoner")
    response = client.post(NEW, data=request_form(**{field: words}, place=""))  # refused: no place
    assert response.status_code == 200  # the form again, with its error
    assert all_posts() == []
    assert SHOWN in response.text and 'href="tel:112"' in response.text
    assert response.text.index(SHOWN) < response.text.index('class="bk-form"')


def test_a_saved_request_with_crisis_words_shows_it_on_its_page(client, login):
    login("inwoner")
    response = client.post(NEW, data=request_form(title="Zelfmoordgedachten, wie praat met me?"))
    assert response.status_code == 302
    page = client.get(response.location).text
    assert SHOWN in page and 'href="tel:08000113"' in page


def test_an_everyday_request_shows_no_safety_net(client, login):
    login("inwoner")
    assert HIDDEN in client.get(NEW).text and SHOWN not in client.get(NEW).text
    refused = client.post(NEW, data=request_form(title="Wie doet doodgewone boodschappen?", place=""))
    assert HIDDEN in refused.text and SHOWN not in refused.text
    saved = client.post(NEW, data=request_form(description="Ik ben eenzaam en heb schulden."))
    assert "data-safety-net" not in client.get(saved.location).text


def test_the_form_carries_the_one_list_for_the_browser(client, login):
    login("inwoner")
    html = client.get(NEW).text
    assert 'data-crisis-phrases="[&#34;zelfmoord*&#34;' in html and "js/safety_net.js" in html
