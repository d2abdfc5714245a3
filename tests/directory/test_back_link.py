"""'Terug naar zoeken' on a voorziening's page goes back to the search it came from, and never off this site."""
import re
from html import unescape

import pytest

from tests.factories import make_service

SITE = "http://buurtkaart.test"


def back_link(client, referrer=None):
    service = make_service("Geldloket", slug="geldloket")
    headers = {"Referer": referrer} if referrer is not None else {}
    page = client.get(f"/voorzieningen/{service.slug}", headers=headers).get_data(as_text=True)
    [href] = re.findall(r'<a class="utrecht-link" href="([^"]*)">Terug naar zoeken</a>', page)
    return unescape(href)


@pytest.mark.parametrize(("referrer", "expected"), [
    (f"{SITE}/zoeken?q=schulden&plaats=7941&pagina=2", "/zoeken?q=schulden&plaats=7941&pagina=2"),
    (f"{SITE}/zoeken?q=schulden&thema=wonen&thema=cultuur", "/zoeken?q=schulden&thema=wonen&thema=cultuur"),
    (f"{SITE}/thema/wonen?plaats=Meppel", "/thema/wonen?plaats=Meppel"),
    (f"{SITE}/zoeken", "/zoeken"),
])
def test_it_keeps_the_search(client, referrer, expected):
    assert back_link(client, referrer) == expected


@pytest.mark.parametrize("referrer", [
    None, "", "https://evil.example/zoeken?q=x", "//evil.example/zoeken", f"{SITE}/inloggen?next=/zoeken",
    f"{SITE}/zoeken/../inloggen", "javascript:alert(1)", f"{SITE}.evil.example/zoeken",
    f"{SITE}/zoeken/kaart?q=x", f"{SITE}/thema/wonen/../../beheer",
])
def test_anything_else_goes_to_the_empty_search(client, referrer):
    assert back_link(client, referrer) == "/zoeken"


def test_the_query_is_rebuilt_not_copied(client):
    href = back_link(client, f'{SITE}/zoeken?q="><script>&plaats=7941')
    assert href == "/zoeken?q=%22%3E%3Cscript%3E&plaats=7941"
