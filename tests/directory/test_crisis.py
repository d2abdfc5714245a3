"""The safety net: words of danger show "Direct hulp nodig?" above the results (the search still runs); everyday
words do not."""
import pytest

from webapp.directory.crisis import mentions_crisis

CRISIS = ["zelfmoord", "Zelfmoordgedachten", "suïcide", "SUICIDE", "ik wil dood", "dood willen",
          "ik wil niet meer leven", "er een eind aan maken", "een einde aan maken", "mishandeling", "mishandeld",
          "kindermishandeling", "huiselijk geweld", "mijn man heeft me geslagen", "misbruik", "seksueel misbruikt",
          "verkrachting"]
EVERYDAY = ["boodschappen", "schulden", "eenzaam", "een doodgewone vraag", "mijn hond is dood", "levensmiddelen",
            "leven lang leren", "eind van de straat", "zelfstandig wonen", "geslacht", "huiselijk", "dementie"]


@pytest.mark.parametrize("words", CRISIS)
def test_crisis_words_are_recognised(words):
    assert mentions_crisis(words)


@pytest.mark.parametrize("words", EVERYDAY)
def test_everyday_words_are_not(words):
    assert not mentions_crisis(words)


def safety_net_above_results(html):
    """The block stands before the results' heading (a search without results has it lower down too)."""
    return "data-safety-net" in html and html.index("data-safety-net") < html.index('id="resultaten-kop"')


def test_the_search_shows_the_safety_net_for_each_crisis_word_and_still_searches(demo, client):
    for words in CRISIS:
        html = client.get("/zoeken", query_string={"q": words}).text
        assert safety_net_above_results(html), words
        assert "voorziening" in html[html.index('id="resultaten-kop"'):]  # the results (or none) follow
    html = client.get("/zoeken", query_string={"q": "zelfmoord"}).text
    for number in ('href="tel:112"', 'href="tel:08000113"', "https://www.113.nl", 'href="tel:08002000"',
                   "huisartsenpost in uw regio", 'href="/zorgen-om-iemand"'):
        assert number in html


def test_a_crisis_word_with_results_keeps_the_results(demo, client):
    html = client.get("/zoeken", query_string={"q": "huiselijk geweld schulden"}).text
    assert safety_net_above_results(html) and 'class="bk-result' in html


def test_everyday_searches_show_no_safety_net_above_the_results(demo, client):
    for words in ("boodschappen", "schulden", "eenzaam", "doodgewone"):
        html = client.get("/zoeken", query_string={"q": words}).text
        assert not safety_net_above_results(html), words
    assert "data-safety-net" not in client.get("/zoeken", query_string={"q": "schulden"}).text


def test_a_theme_page_shows_it_for_crisis_words_too(demo, client):
    assert safety_net_above_results(client.get("/thema/veiligheid", query_string={"q": "mishandeling"}).text)
