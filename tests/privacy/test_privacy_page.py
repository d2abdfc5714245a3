"""/privacy covers the whole site and says what the settings are, not what they were."""


def test_the_privacy_page_covers_accounts_posts_contacts_coordinators_and_retention(app, client):
    page = client.get("/privacy").get_data(as_text=True)
    for expected in ("Uw account", "Uw hulpvraag of hulpaanbod", "Contact met een helper",
                     "Coördinatoren kunnen uw gesprekken lezen.", "Alleen de coördinator ziet mijn vraag",
                     "minstens 50 adressen", "Vraag het die persoon dan eerst", "Hoe lang we gegevens bewaren",
                     "365 dagen", "180 dagen", "30 dagen", "14 dagen", "Autoriteit Persoonsgegevens",
                     "artikel 6 lid 1a"):
        assert expected in page, expected


def test_the_numbers_follow_the_settings(app, client):
    app.config.update(RETENTION_MAIL_DAYS=45, PRIVACY_K=80, RETENTION_LOG_DAYS=7)
    page = client.get("/privacy").get_data(as_text=True)
    assert "45 dagen" in page and "minstens 80 adressen" in page and "7 dagen. Er staan geen" in page
    assert "minstens 50 adressen" not in page
