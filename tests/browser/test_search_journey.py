"""A resident searches "schulden" near 7941 in a real Chromium: list, markers, keyboard, phone, no tiles."""
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import PHONE

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "zoeken-op-telefoon.png"


def search_from_home(page, server, text="schulden", place="7941"):
    page.goto(server.url + "/")
    page.get_by_label("Waar zoekt u hulp bij?").fill(text)
    page.get_by_label("Postcode of woonplaats").fill(place)
    page.get_by_role("button", name="Zoeken", exact=True).click()
    expect(page.get_by_role("heading", level=2, name="gevonden")).to_be_visible()


def geldloket(page):
    return page.locator(".bk-result", has=page.get_by_role("link", name="Geldloket Meppel", exact=True))


def test_the_form_works_by_keyboard_alone(page, live_server):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")                     # the skip link comes first
    expect(page.get_by_role("link", name="Naar de inhoud")).to_be_focused()
    page.keyboard.press("Enter")
    for _ in range(12):                           # on to the first field of the form
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "q":
            break
    page.keyboard.type("schulden")
    page.keyboard.press("Tab")
    expect(page.locator("#plaats")).to_be_focused()
    page.keyboard.type("7941")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken?*")
    assert "q=schulden" in page.url and "plaats=7941" in page.url
    expect(geldloket(page)).to_be_visible()


def test_the_geldloket_is_in_the_list_and_a_marker_and_they_link_both_ways(page, live_server):
    search_from_home(page, live_server)
    item = geldloket(page)
    expect(item).to_contain_text("km")

    item.get_by_role("button", name="Toon op de kaart").click()      # list -> marker popup
    popup = page.locator(".leaflet-popup-content")
    expect(popup.get_by_role("link", name="Geldloket Meppel")).to_be_visible()
    marker = page.locator(".leaflet-marker-icon[title='Geldloket Meppel']")
    expect(marker).to_have_count(1)

    page.keyboard.press("Escape")
    marker.focus()                                                    # marker by keyboard -> list item
    page.keyboard.press("Enter")
    expect(item).to_be_focused()
    assert page.js_errors == [] and page.console_errors == []


def test_every_result_is_a_marker_not_only_this_page(page, live_server):
    page.goto(live_server.url + "/zoeken?q=hulp")
    total = int(page.locator("#resultaten-kop").inner_text().split()[0])
    assert total > 10
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    shown = page.evaluate("""() => [...document.querySelectorAll('.marker-cluster span, .leaflet-marker-icon:not(.marker-cluster)')]
        .reduce((n, el) => n + (el.tagName === 'SPAN' ? parseInt(el.textContent, 10) : 1), 0)""")
    assert shown == total


def test_on_a_phone_the_list_and_map_switch(open_browser, live_server):
    page = open_browser(viewport=PHONE, is_mobile=True, has_touch=True)
    search_from_home(page, live_server)
    expect(geldloket(page)).to_be_visible()
    expect(page.locator("#resultaten-kaart")).to_be_hidden()
    SCREENSHOT.parent.mkdir(exist_ok=True)
    top = page.locator("#resultaten-kop").bounding_box()["y"] - 16
    page.screenshot(path=str(SCREENSHOT), full_page=True, clip={"x": 0, "y": top, **PHONE})

    page.get_by_role("button", name="Kaart", exact=True).click()
    expect(page.locator("#resultaten-kaart")).to_be_visible()
    expect(geldloket(page)).to_be_hidden()
    assert "weergave=kaart" in page.url
    page.reload()                                                     # a shared URL opens on the map
    expect(page.locator("#resultaten-kaart")).to_be_visible()
    page.get_by_role("button", name="Lijst", exact=True).click()
    expect(geldloket(page)).to_be_visible()


def test_without_tiles_and_with_tile_requests_failing_the_page_still_works(open_browser, live_server_factory):
    server = live_server_factory(MAP_TILE_URL="https://tiles.invalid/{z}/{x}/{y}.png")
    page = open_browser()
    aborted = []
    page.route("https://tiles.invalid/**", lambda route: (aborted.append(route.request.url), route.abort()))
    search_from_home(page, server)
    expect(geldloket(page)).to_be_visible()
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    assert aborted, "the map asked for tiles"
    assert page.locator(".leaflet-control-attribution").count() == 1

    plain = open_browser()
    search_from_home(plain, live_server_factory())
    expect(plain.locator(".bk-map__no-tiles")).to_contain_text("geen achtergrondkaart")
    expect(plain.locator(".leaflet-marker-icon").first).to_be_visible()


def test_the_back_button_keeps_the_search(page, live_server):
    search_from_home(page, live_server)
    first = page.url
    page.get_by_role("link", name="Geldloket Meppel", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Geldloket Meppel")
    page.go_back()
    assert page.url == first
    expect(page.locator("#q")).to_have_value("schulden")
    page.get_by_role("link", name="Geldloket Meppel", exact=True).first.click()
    page.get_by_role("link", name="Terug naar zoeken").click()           # the link on the page keeps it too
    page.wait_for_url(first)
    expect(page.locator("#q")).to_have_value("schulden")
