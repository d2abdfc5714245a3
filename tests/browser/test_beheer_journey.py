"""A beheerder logs in, changes the opening hours of a voorziening, and residents see them."""
from playwright.sync_api import expect

from webapp.accounts.services import create_account


def test_a_beheerder_edits_hours_and_the_public_page_shows_them(page, live_server):
    with live_server.app.app_context():
        create_account("beheer@meppel.nl", "een-lang-wachtwoord", "beheerder", ["Meppel"])

    page.goto(live_server.url + "/inloggen")
    page.get_by_label("E-mailadres").fill("beheer@meppel.nl")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beheer van de sociale kaart")

    page.get_by_label("Zoek op naam").fill("Odensehuis")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Odensehuis Meppel").click()
    page.get_by_role("link", name="Openingstijden aanpassen").click()

    page.locator("#slots-0-weekday").select_option("1")
    page.locator("#slots-0-opens").fill("09:30")
    page.locator("#slots-0-closes").fill("12:00")
    page.locator("#exceptions-0-day").fill("2026-12-29")
    page.locator("#exceptions-0-note").fill("Kerstvakantie")
    page.get_by_role("button", name="Openingstijden opslaan").click()
    expect(page.get_by_text("De openingstijden zijn opgeslagen.")).to_be_visible()
    expect(page.locator("#wijzigingen + div")).to_contain_text("beheer@meppel.nl")

    page.get_by_role("link", name="Bekijk op de kaart").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Odensehuis Meppel")
    hours = page.get_by_role("table", name="Openingstijden per dag")
    expect(hours).to_contain_text("dinsdag")
    expect(hours).to_contain_text("09:30 – 12:00")
    expect(page.get_by_text("dinsdag 29 december 2026: gesloten (Kerstvakantie)")).to_be_visible()
    assert page.js_errors == []
