"""Issue 17's small things, in a real Chromium: axe at phone width on the coördinator and beheer pages, tables
that keep their words whole and scroll by keyboard, fields not red before anything is typed, 24 px checkboxes,
and no "Nu open" on paper."""
from datetime import time

from playwright.sync_api import expect
from sqlalchemy import select

from tests.browser.conftest import PHONE, run_axe
from tests.factories import make_post, make_service
from webapp.accounts.services import create_account
from webapp.directory.models import Schedule, Service
from webapp.extensions import db

PASSWORD = "een-lang-wachtwoord"

# Words (letters and digits) drawn over more than one line: a word broken in the middle ("Ge me ent e").
BROKEN_WORDS = """() => {
    const broken = [];
    for (const cell of document.querySelectorAll('.utrecht-table th, .utrecht-table td, .utrecht-table caption')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const word of node.textContent.matchAll(/[\\p{L}\\p{N}]{2,}/gu)) {
                const range = document.createRange();
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                if (lines.size > 1) { broken.push(word[0]); }
            }
        }
    }
    return broken;
}"""

# Scroll containers that scroll but a keyboard cannot reach (nothing focusable in them, not focusable themselves).
UNREACHABLE_SCROLLERS = """() => [...document.querySelectorAll('.bk-table-wrap')]
    .filter(el => el.scrollWidth > el.clientWidth + 1)
    .filter(el => el.tabIndex < 0 && !el.querySelector('a[href], button, input, select, textarea, [tabindex]'))
    .map(el => el.querySelector('caption') ? el.querySelector('caption').textContent : el.outerHTML.slice(0, 80))"""


def log_in(page, url, email):
    page.goto(url + "/inloggen")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state("networkidle")


def test_coordinator_and_beheer_pages_at_phone_width(open_browser, live_server):
    with live_server.app.app_context():
        create_account("coordinator@meppel.example.org", PASSWORD, "coordinator", ["Meppel"])
        create_account("beheer@meppel.example.org", PASSWORD, "beheerder", ["Meppel"])
        asker = create_account("annie@example.org", PASSWORD, "inwoner", ["Meppel"])
        vraag = make_post(author=asker, place="7941 AL", categories="administratie-en-formulieren",
                          title="Ik kan mijn rekeningen niet betalen", description="Er komen steeds meer brieven.")
        pending = make_post(author=asker, status="wacht_op_controle", place="7941 AL",
                            title="Wie helpt met de tuin?", categories="tuin")
        make_post("hulpaanbod", author=asker, place="7942", title="Ik doe boodschappen")
        service_id = db.session.scalars(select(Service.id).where(Service.slug == "geldloket-meppel")).one()
        vraag_id, pending_id = vraag.id, pending.id
        db.session.remove()
    pages = {
        "coordinator@meppel.example.org": [
            "/coordinator/controle", f"/coordinator/controle/{pending_id}", "/coordinator/dashboard",
            "/coordinator/koppelingen", "/coordinator/logboek", "/coordinator/meldingen", "/coordinator/inwoners",
            f"/coordinator/hulpvragen/{vraag_id}/suggesties"],
        "beheer@meppel.example.org": [
            "/beheer/", "/beheer/te-controleren", "/beheer/import", "/beheer/voorzieningen/nieuw",
            f"/beheer/voorzieningen/{service_id}/bewerken", f"/beheer/voorzieningen/{service_id}/openingstijden",
            "/beheer/gemeente/meppel", "/beheer/wijken", f"/beheer/voorzieningen/{service_id}/activiteiten"],
    }
    problems = {}
    for email, paths in pages.items():
        page = open_browser(viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True)
        log_in(page, live_server.url, email)
        for path in paths:
            response = page.goto(live_server.url + path)
            assert response.status == 200, path
            page.wait_for_load_state("networkidle")
            found = {"axe": run_axe(page), "broken words": page.evaluate(BROKEN_WORDS),
                     "unreachable scroll": page.evaluate(UNREACHABLE_SCROLLERS)}
            found = {kind: items for kind, items in found.items() if items}
            if found:
                problems[path] = found
        assert page.js_errors == []
    assert problems == {}


def test_the_dashboard_tables_scroll_by_keyboard(open_browser, live_server):
    with live_server.app.app_context():
        create_account("coordinator@meppel.example.org", PASSWORD, "coordinator", ["Meppel"])
    page = open_browser(viewport=PHONE, is_mobile=True, has_touch=True)
    log_in(page, live_server.url, "coordinator@meppel.example.org")
    page.goto(live_server.url + "/coordinator/dashboard")
    regions = page.locator(".bk-table-wrap[tabindex='0'][role='region']")
    assert regions.count() >= 2
    first = regions.first
    assert first.get_attribute("aria-label")
    first.focus()
    expect(first).to_be_focused()
    if first.evaluate("el => el.scrollWidth > el.clientWidth"):
        page.keyboard.press("ArrowRight")
        page.wait_for_function("el => el.scrollLeft > 0", arg=first.element_handle())


def test_a_required_field_is_not_red_before_anything_is_typed(open_browser, live_server):
    with live_server.app.app_context():
        create_account("annie@example.org", PASSWORD, "inwoner", ["Meppel"])
    page = open_browser()
    log_in(page, live_server.url, "annie@example.org")
    page.goto(live_server.url + "/voor-elkaar/hulpvraag/nieuw")
    look = "el => { const s = getComputedStyle(el); return [s.borderColor, s.borderWidth, s.backgroundColor]; }"
    for field in (page.locator("form textarea[required]").first, page.locator("form input[required][type=text]").first):
        untouched = field.evaluate(look)
        field.fill("Ik zoek iemand die helpt.")
        field.blur()
        assert field.evaluate(look) == untouched      # empty and untouched looks like filled in: not red
        field.fill("")
        field.blur()
        assert field.evaluate(look) != untouched      # emptied by the resident: now it says so


def test_filter_checkboxes_are_at_least_24_px(page, live_server):
    page.goto(live_server.url + "/zoeken?q=schulden&plaats=7941")
    boxes = page.locator(".bk-filters input[type=checkbox]")
    assert boxes.count() > 3
    for i in range(boxes.count()):
        box = boxes.nth(i).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24


def test_print_leaves_out_nu_open(page, live_server):
    with live_server.app.app_context():
        service = make_service("Inloop De Schakel", slug="inloop-de-schakel", point=(52.6956, 6.1937), commit=False)
        service.schedules = [Schedule(weekday=day, opens=time(0), closes=time(0)) for day in range(7)]  # always open
        db.session.commit()
        db.session.remove()
    page.goto(live_server.url + "/zoeken?q=schakel")
    expect(page.locator(".bk-open-now").first).to_have_text("Nu open")
    page.emulate_media(media="print")
    expect(page.locator(".bk-open-now").first).to_be_hidden()
    page.emulate_media(media="screen")
    page.goto(live_server.url + "/voorzieningen/inloop-de-schakel")
    expect(page.locator(".bk-open-status")).to_have_text("Nu open")
    page.emulate_media(media="print")
    expect(page.locator(".bk-open-status")).to_be_hidden()
    expect(page.get_by_role("table", name="Openingstijden per dag")).to_be_visible()  # the hours themselves are printed
    page.goto(live_server.url + "/voorzieningen/geldloket-meppel")
    expect(page.locator(".bk-open-status")).to_have_text("Openingstijden onbekend")  # that stays true on paper
