"""Text from the data stays text in the browser, and axe-core finds no serious problem on the main pages."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, run_axe
from tests.factories import make_service

EVIL = "<img src=x onerror=alert(1)>"


def test_a_name_with_html_shows_as_text_in_list_popup_and_detail(page, live_server):
    with live_server.app.app_context():
        make_service(EVIL, slug="kwaadaardig", point=(52.6956, 6.1937), summary=EVIL, description="kwaadaardig")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    page.goto(live_server.url + "/zoeken?q=kwaadaardig&plaats=7941")
    item = page.locator(".bk-result").first
    expect(item.get_by_role("link", name=EVIL)).to_be_visible()
    item.get_by_role("button", name="Toon op de kaart").click()
    expect(page.locator(".leaflet-popup-content a")).to_have_text(EVIL)

    item.get_by_role("link", name=EVIL).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(EVIL)
    page.locator(".leaflet-marker-icon").first.click()
    expect(page.locator(".leaflet-popup-content strong")).to_have_text(EVIL)

    assert page.locator("img[src='x']").count() == 0
    assert dialogs == []


PAGES = [
    ("home", "/"),
    ("results", "/zoeken?q=schulden&plaats=7941"),
    ("no results", "/zoeken?q=qqqxxxzzz&plaats=7941&straal=2"),
    ("unknown place", "/zoeken?q=schulden&plaats=nergenshuizen"),
    ("detail", "/voorzieningen/geldloket-meppel"),
    ("thema", "/thema/mantelzorg"),
    ("crisis words", "/zoeken?q=zelfmoord"),
    ("zorgen om iemand", "/zorgen-om-iemand/meppel"),
    ("legal", "/toegankelijkheid"),
    ("agenda", "/agenda?q=koffie&plaats=7941"),
    ("handout", "/voorzieningen/geldloket-meppel/afdrukken"),
    ("list handout", "/zoeken/afdrukken?q=schulden&plaats=7941"),
    ("not found", "/bestaat-niet"),
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_axe_finds_no_serious_or_critical_violation(open_browser, live_server, viewport):
    page = open_browser(viewport=viewport, bypass_csp=True)
    problems = {}
    for name, path in PAGES:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        found = run_axe(page)
        if found:
            problems[name] = found
    assert problems == {}
    assert page.js_errors == []


def test_the_detail_page_prints_without_navigation_or_map(page, live_server):
    page.goto(live_server.url + "/voorzieningen/geldloket-meppel")
    page.emulate_media(media="print")
    navigation = page.locator(".bk-header nav")  # the menu and the language switcher
    assert navigation.count() == 2
    for nav in navigation.all():
        expect(nav).to_be_hidden()
    expect(page.locator("#detail-kaart")).to_be_hidden()
    source = page.locator(".bk-source", has_text="beleidsdocument")  # the gemeente's way in has a source line too
    expect(source).to_be_visible()
    expect(source).to_contain_text("nog niet gecontroleerd")
    assert len(page.pdf()) > 1000
