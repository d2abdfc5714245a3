"""What the site itself writes around the data is in the page's language ("postcode 7941", "gemeente Meppel"), and
Dutch data on an Arabic page runs left to right (dir="ltr"), so its full stop stays at its end."""
import pytest

from tests.i18n.helpers import translated


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
