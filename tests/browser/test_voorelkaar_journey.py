"""The whole Voor elkaar journey in three browsers: a resident asks, a coördinator approves and confirms, a volunteer helps.

Contact details appear for both sides only after the coördinator confirms the match; every page on the way has
no serious or critical axe violation.
"""
from playwright.sync_api import expect

from tests.browser.conftest import run_axe
from webapp.accounts.services import create_account
from webapp.extensions import db

PASSWORD = "een-lang-wachtwoord"
ASKER, HELPER, COORDINATOR = "annie.nieuw@example.org", "kees.helpt@example.org", "coordinator@meppel.example.org"
HELPER_PHONE = "06-24681357"
TITLE = "Wie helpt mij met boodschappen?"


def test_ask_approve_react_accept_confirm_and_see_contacts(open_browser, live_server_factory, tmp_path):
    server = live_server_factory(MAIL_BACKEND="file", MAIL_DIR=str(tmp_path / "mail"))
    with server.app.app_context():
        helper = create_account(HELPER, PASSWORD, "inwoner", ["Meppel"], display_name="Kees")
        helper.phone = HELPER_PHONE
        db.session.commit()
        create_account(COORDINATOR, PASSWORD, "coordinator", ["Meppel"], display_name="Coördinator Meppel")
        db.session.remove()
    # axe runs as an injected script: the asker's and coördinator's browsers allow that; the volunteer's keeps the
    # site's CSP, so a script the policy blocks would show up as an error there.
    asker, volunteer, coordinator = open_browser(bypass_csp=True), open_browser(), open_browser(bypass_csp=True)

    register_and_confirm(asker, server.url)
    post_a_request(asker)
    log_in(coordinator, server.url, COORDINATOR)
    approve(coordinator)

    log_in(volunteer, server.url, HELPER)
    react(volunteer, server.url)
    conversation_url = volunteer.url

    asker.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn voor elkaar").click()
    asker.get_by_role("link", name=TITLE).last.click()
    expect(asker.get_by_text("Kees wil u helpen")).to_be_visible()
    assert HELPER not in asker.content() and HELPER_PHONE not in asker.content()  # not before confirmation
    asker.get_by_role("button", name="Ik neem deze hulp aan").click()
    assert_no_axe_violations(asker)

    coordinator.get_by_role("link", name="Koppelingen").click()
    coordinator.get_by_role("button", name="Bevestigen").first.click()

    asker.reload()
    contacts = asker.get_by_role("region", name="Contactgegevens")
    expect(contacts).to_contain_text(HELPER)
    expect(contacts).to_contain_text(HELPER_PHONE)
    volunteer.goto(conversation_url)
    expect(volunteer.get_by_role("region", name="Contactgegevens")).to_contain_text(ASKER)
    for page in (asker, volunteer, coordinator):
        assert page.js_errors == [], page.js_errors
    assert volunteer.console_errors == [], volunteer.console_errors


def register_and_confirm(page, url):
    page.goto(url + "/registreren")
    page.get_by_label("E-mailadres").fill(ASKER)
    page.get_by_label("Wachtwoord (minstens 10 tekens)").fill(PASSWORD)
    page.get_by_label("Uw voornaam of roepnaam").fill("Annie")
    page.get_by_label("Postcode").fill("7941 AL")
    page.get_by_label("Ik heb de privacyverklaring gelezen.").check()
    page.get_by_role("button", name="Account maken").click()
    page.get_by_role("link", name="Demo-site: bekijk de verstuurde mails").click()
    page.get_by_role("link", name="Bevestig uw e-mailadres").first.click()
    page.locator("a[href*='/bevestigen/']").first.click()
    expect(page.get_by_text("Uw e-mailadres is bevestigd.")).to_be_visible()
    page.get_by_label("E-mailadres").fill(ASKER)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def post_a_request(page):
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Voor elkaar", exact=True).click()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Ik zoek hulp").click()
    assert_no_axe_violations(page)
    page.get_by_label("Titel").fill(TITLE)
    page.get_by_label("Beschrijving").fill("Ik loop slecht. Wie gaat op vrijdag met mij naar de supermarkt?")
    page.get_by_label("Onderwerp").select_option(label="Boodschappen")
    page.get_by_label("Postcode of adres").fill("7941 AL")
    page.get_by_role("button", name="Versturen ter controle").click()
    expect(page.get_by_text("Wacht op controle").first).to_be_visible()


def log_in(page, url, email):
    page.goto(url + "/inloggen")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def approve(page):
    page.get_by_role("link", name="Coördinatie").click()
    assert_no_axe_violations(page)
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("button", name="Goedkeuren").click()


def react(page, url):
    page.goto(url + "/voor-elkaar")
    page.get_by_label("Zoekwoorden").fill("boodschappen")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    page.get_by_role("link", name=TITLE).first.click()
    page.get_by_role("link", name="Ik wil helpen").click()
    page.get_by_label("Uw bericht").fill("Ik kan op vrijdagochtend. Zal ik u ophalen?")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gesprek over een hulpvraag")


def assert_no_axe_violations(page):
    assert run_axe(page) == [], page.url
