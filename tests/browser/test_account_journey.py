"""A newcomer registers, opens /dev/mail, follows the confirmation link and logs in."""
from playwright.sync_api import expect


def test_register_confirm_via_dev_mail_and_log_in(page, live_server_factory, tmp_path):
    server = live_server_factory(MAIL_BACKEND="file", MAIL_DIR=str(tmp_path / "mail"))
    page.goto(server.url + "/registreren")
    page.get_by_label("E-mailadres").fill("nieuw@example.org")
    page.get_by_label("Wachtwoord (minstens 10 tekens)").fill("een-lang-wachtwoord")
    page.get_by_label("Uw voornaam of roepnaam").fill("Nieuwkomer")
    page.get_by_label("Postcode").fill("7942 AB")
    page.get_by_label("Ik heb de privacyverklaring gelezen.").check()
    page.get_by_role("button", name="Account maken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kijk in uw mail")

    page.get_by_role("link", name="Demo-site: bekijk de verstuurde mails").click()
    page.get_by_role("link", name="Bevestig uw e-mailadres").first.click()
    page.locator("a[href*='/bevestigen/']").first.click()
    expect(page.get_by_text("Uw e-mailadres is bevestigd.")).to_be_visible()

    page.get_by_label("E-mailadres").fill("nieuw@example.org")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn account")
    expect(page.get_by_label("Uw voornaam of roepnaam")).to_have_value("Nieuwkomer")
    assert page.js_errors == []
