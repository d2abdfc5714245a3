"""The whole Voor elkaar journey in three browsers: a resident asks, a coördinator approves and confirms, a volunteer helps.

Contact details (both phones) appear for both sides only after the coördinator confirms the match; after the planned
day the asker answers "Hoe ging het?" from the mail's link, and a bad outcome reaches the coördinator's workbench.
Every page on the way has no serious or critical axe violation.
"""
from datetime import timedelta

from playwright.sync_api import expect
from sqlalchemy import select

from tests.browser.conftest import run_axe
from webapp.accounts.phone import normalise
from webapp.accounts.services import create_account
from webapp.extensions import db
from webapp.matching import followup
from webapp.matching.models import Match
from webapp.models_base import utcnow

PASSWORD = "een-lang-wachtwoord"
ASKER, HELPER, COORDINATOR = "annie.nieuw@example.org", "kees.helpt@example.org", "coordinator@meppel.example.org"
HELPER_PHONE, ASKER_PHONE = "06 24681357", "0522 246 810"  # as the site shows them
TITLE = "Wie helpt mij met boodschappen?"


def test_ask_approve_react_accept_confirm_and_see_contacts(open_browser, live_server_factory, tmp_path):
    server = live_server_factory(MAIL_BACKEND="file", MAIL_DIR=str(tmp_path / "mail"))
    with server.app.app_context():
        helper = create_account(HELPER, PASSWORD, "inwoner", ["Meppel"], display_name="Kees")
        helper.phone = normalise(HELPER_PHONE)
        db.session.commit()
        create_account(COORDINATOR, PASSWORD, "coordinator", ["Meppel"], display_name="Coördinator Meppel")
        db.session.remove()
    # axe runs as an injected script: the asker's and coördinator's browsers allow that; the volunteer's keeps the
    # site's CSP, so a script the policy blocks would show up as an error there.
    asker, volunteer, coordinator = open_browser(bypass_csp=True), open_browser(), open_browser(bypass_csp=True)

    register_and_confirm(asker, server.url)
    add_phone(asker, server.url)
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
    assert ASKER_PHONE not in volunteer.content()
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
    expect(volunteer.get_by_role("region", name="Contactgegevens")).to_contain_text(ASKER_PHONE)

    the_help_took_place(server)
    answer_how_did_it_go(asker, server.url)
    coordinator.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Coördinatie").click()
    expect(coordinator.get_by_role("link", name="Hulp die niet goed ging")).to_be_visible()
    assert "Hulp die niet goed ging</a>: <strong>1</strong>" in coordinator.content()
    coordinator.get_by_role("link", name="Hulp die niet goed ging").click()
    expect(coordinator.get_by_text("Kees kwam een uur te laat.").first).to_be_visible()
    assert_no_axe_violations(coordinator)
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


def add_phone(page, url):
    page.goto(url + "/account")
    page.get_by_label("Telefoonnummer (mag leeg blijven)").fill("0522-246810")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Uw gegevens zijn opgeslagen.")).to_be_visible()


def the_help_took_place(server):
    """The days go by: the planned day is yesterday, and the daily job asks how it went."""
    with server.app.app_context():
        match = db.session.scalars(select(Match)).one()
        match.planned_on = utcnow().date() - timedelta(days=1)
        db.session.commit()
        server.app.config["MAIL_SEND_INLINE"] = True
        assert followup.run().asked == 1
        db.session.remove()


def answer_how_did_it_go(page, url):
    page.goto(url + "/dev/mail")
    page.get_by_role("row").filter(has_text=ASKER).get_by_role("link", name="Hoe ging het?").click()
    page.locator("a[href*='/hoe-ging-het/']").first.click()
    assert_no_axe_violations(page)
    page.get_by_label("Niet goed").check()
    page.get_by_label("Toelichting").fill("Kees kwam een uur te laat.")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("Dank u wel! Een coördinator leest uw antwoord.")).to_be_visible()


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
    page.get_by_role("link", name="Te controleren berichten").click()
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("button", name="Goedkeuren").click()


def react(page, url):
    page.goto(url + "/voor-elkaar")
    page.get_by_label("Zoekwoorden").fill("boodschappen")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    page.get_by_role("link", name=TITLE).first.click()
    page.get_by_role("link", name="Ik help bij deze vraag").click()
    page.get_by_label("Uw bericht").fill("Ik kan op vrijdagochtend. Zal ik u ophalen?")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gesprek over een hulpvraag")


def assert_no_axe_violations(page):
    assert run_axe(page) == [], page.url


def test_a_coordinators_proposal_reaches_the_volunteer_first(open_browser, live_server_factory, tmp_path):
    """The coördinator proposes an aanbod from the suggestions; the volunteer says yes; only then does the asker
    see it and accept."""
    from tests.factories import make_post
    server = live_server_factory(MAIL_BACKEND="file", MAIL_DIR=str(tmp_path / "mail"))
    with server.app.app_context():
        asker = create_account(ASKER, PASSWORD, "inwoner", ["Meppel"], display_name="Annie")
        helper = create_account(HELPER, PASSWORD, "inwoner", ["Meppel"], display_name="Kees")
        create_account(COORDINATOR, PASSWORD, "coordinator", ["Meppel"], display_name="Coördinator Meppel")
        vraag_id = make_post(author=asker, title=TITLE, description="Wie gaat met mij naar de supermarkt?").id
        make_post("hulpaanbod", author=helper, title="Ik doe graag boodschappen voor een ander")
        db.session.remove()
    coordinator, volunteer, asker_page = open_browser(bypass_csp=True), open_browser(), open_browser()

    log_in(coordinator, server.url, COORDINATOR)
    coordinator.goto(f"{server.url}/coordinator/hulpvragen/{vraag_id}/suggesties")
    coordinator.get_by_role("button", name="Vraag de helper").first.click()
    expect(coordinator.get_by_text("Uw voorstel is verstuurd.")).to_be_visible()

    log_in(asker_page, server.url, ASKER)
    asker_page.goto(server.url + "/voor-elkaar/mijn")
    assert "Kees" not in asker_page.content()  # not before the volunteer said yes

    log_in(volunteer, server.url, HELPER)
    volunteer.goto(server.url + "/voor-elkaar/mijn")
    volunteer.get_by_role("link", name=TITLE).last.click()
    volunteer.get_by_role("button", name="Ja, ik help").click()
    expect(volunteer.get_by_text("U heeft gezegd dat u wilt helpen.")).to_be_visible()

    asker_page.reload()
    asker_page.get_by_role("link", name=TITLE).last.click()
    asker_page.get_by_role("button", name="Ik neem deze hulp aan").click()
    expect(asker_page.get_by_text("U neemt de hulp van deze helper aan.")).to_be_visible()
    assert_no_axe_violations(coordinator)
