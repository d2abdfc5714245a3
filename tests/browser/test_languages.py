"""The interface in another language in Chromium: chosen from the browser or the switcher, Arabic right to left
and axe-clean at phone width (the voorzieningen's own texts stay Dutch)."""
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import PHONE, run_axe
from tests.browser.test_safety_and_access import PAGES
from tests.i18n.helpers import translated

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "arabisch-op-telefoon.png"  # shown in the README


def test_arabic_pages_are_right_to_left_and_axe_clean_at_phone_width(open_browser, live_server):
    page = open_browser(viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True, locale="ar")
    problems, directions = {}, {}
    for name, path in [*PAGES, ("voor elkaar", "/voor-elkaar"), ("log in", "/inloggen")]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        directions[name] = page.evaluate("[document.documentElement.lang, getComputedStyle(document.body).direction]")
        found = run_axe(page)
        if found:
            problems[name] = found
    assert problems == {}
    assert set(map(tuple, directions.values())) == {("ar", "rtl")}
    assert page.js_errors == []

    page.goto(live_server.url + "/")
    brand, menu = page.locator(".bk-brand").bounding_box(), page.locator(".bk-nav__list li").first.bounding_box()
    assert brand["x"] + brand["width"] > PHONE["width"] * 0.6  # the name of the site starts at the right
    assert menu["x"] + menu["width"] > PHONE["width"] * 0.6  # and so does the menu
    expect(page.get_by_role("heading", level=1)).to_have_text(translated("ar", "Waar zoekt u hulp bij?"))
    page.goto(live_server.url + "/zoeken?q=schulden&plaats=7941")
    page.screenshot(path=str(SCREENSHOT), clip={"x": 0, "y": 0, **PHONE})


def test_the_switcher_changes_the_language_and_stays_on_the_page(page, live_server):
    page.goto(live_server.url + "/zoeken?q=schulden&plaats=7941")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(live_server.url + "/zoeken?q=schulden&plaats=7941")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Geldloket Meppel").first).to_be_visible()  # the data stays Dutch
    page.goto(live_server.url + "/voor-elkaar")
    expect(page.locator("html")).to_have_attribute("lang", "en")  # the cookie keeps the choice
    page.get_by_role("link", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")


def test_on_an_arabic_page_the_map_controls_swap_sides_and_dutch_data_runs_left_to_right(open_browser, live_server):
    page = open_browser(viewport=PHONE, is_mobile=True, has_touch=True, locale="ar")
    page.goto(live_server.url + "/voorzieningen/geldloket-meppel")
    zoom_in = page.locator(".leaflet-control-zoom-in")
    expect(zoom_in).to_have_attribute("title", translated("ar", "Inzoomen"))
    expect(page.locator(".leaflet-control-attribution a[href*='leafletjs']")).to_have_attribute(
        "title", translated("ar", "Een JavaScript-bibliotheek voor interactieve kaarten"))
    box = page.locator("#detail-kaart").bounding_box()
    zoom, attribution = zoom_in.bounding_box(), page.locator(".leaflet-control-attribution").bounding_box()
    note = page.locator(".bk-map__no-tiles").bounding_box()  # no tiles in tests: the note is at the start (right)
    assert zoom["x"] > box["x"] + box["width"] / 2 and attribution["x"] < box["x"] + box["width"] / 2
    assert attribution["x"] + attribution["width"] <= note["x"]  # the note does not cover the attribution
    expect(page.locator(".bk-lead")).to_have_attribute("dir", "ltr")
    expect(page.locator("a[href^='tel:']").first).to_have_attribute("dir", "ltr")
