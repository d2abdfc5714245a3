"""The safety net on the hulpvraag form appears while typing words of danger, under the site's own CSP."""
from playwright.sync_api import expect

from webapp.accounts.services import create_account

PASSWORD = "een-lang-wachtwoord"
RESIDENT = "inwoner.veilig@example.org"


def test_typing_words_of_danger_shows_direct_hulp_nodig(open_browser, live_server):
    with live_server.app.app_context():
        create_account(RESIDENT, PASSWORD, "inwoner", ["Meppel"])
    page = open_browser()
    page.goto(live_server.url + "/inloggen")
    page.get_by_label("E-mailadres").fill(RESIDENT)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(live_server.url + "/voor-elkaar/hulpvraag/nieuw")
    net = page.get_by_role("region", name="Direct hulp nodig?")

    page.get_by_label("Titel").fill("Wie doet doodgewone boodschappen?")
    expect(net).to_be_hidden()
    page.locator("textarea[name=description]").fill("Ik wil er een eind aan maken")
    expect(net).to_be_visible()
    expect(net.get_by_role("link", name="0800-0113")).to_have_attribute("href", "tel:08000113")
    assert page.js_errors == [] and page.console_errors == []
