"""Voorzieningen that fit a vraag, and a coördinator referring the asker to one (demo data: 128 voorzieningen)."""
from flask import render_template_string
from sqlalchemy import select

from tests.factories import make_post
from tests.mail.helpers import outbox
from webapp.accounts.intake import create_intake_account
from webapp.directory.models import Service, ServiceArea
from webapp.directory.related import related_services
from webapp.directory.translations import texts_for_page
from webapp.directory.vocab import NATIONAL
from webapp.extensions import db
from webapp.matching.models import Referral
from webapp.models_base import utcnow
from webapp.suggestions.referrals import my_referrals

BILLS = "Ik kan mijn rekeningen niet betalen"


def service_named(name):
    return db.session.scalars(select(Service).where(Service.name == name)).one()


def bills_vraag(author):
    return make_post("hulpvraag", author=author, title=BILLS, description="Er komen steeds meer brieven.",
                     categories="administratie-en-formulieren")


def test_a_vraag_about_bills_shows_the_geldloket_of_its_gemeente_and_nothing_from_elsewhere(demo, accounts):
    vraag = bills_vraag(accounts["inwoner"])
    found = related_services(vraag)
    assert "Geldloket Meppel" in [service.name for service in found]
    assert all("meppel" in {name.casefold() for name in service.service_area} for service in found)


def test_archived_voorzieningen_are_not_shown(demo, accounts):
    vraag = bills_vraag(accounts["inwoner"])
    service_named("Geldloket Meppel").archived_at = utcnow()
    db.session.commit()
    assert "Geldloket Meppel" not in [service.name for service in related_services(vraag)]


def test_the_partial_and_the_coordinator_page_show_them(demo, app, client, login, accounts):
    vraag = bills_vraag(accounts["inwoner"])
    geldloket = service_named("Geldloket Meppel")
    with app.test_request_context():
        html = render_template_string('{% include "directory/_related_services.html" %}',
                                      related_services=related_services(vraag))
    assert "Professionele hulp die past bij deze vraag" in html
    assert f'href="/voorzieningen/{geldloket.slug}">Geldloket Meppel</a>' in html
    login("coordinator")
    page = client.get(f"/coordinator/hulpvragen/{vraag.id}/suggesties").get_data(as_text=True)
    assert "Professionele hulp die past bij deze vraag" in page
    assert f'value="{geldloket.id}"' in page and "Verwijs door" in page


def test_a_referral_stores_a_row_and_mails_the_asker(demo, client, login, accounts):
    vraag = bills_vraag(accounts["inwoner"])
    geldloket = service_named("Geldloket Meppel")
    login("coordinator")
    response = client.post(f"/coordinator/hulpvragen/{vraag.id}/doorverwijzen",
                           data={"service_id": geldloket.id, "note": "Ze helpen u gratis."})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/coordinator/hulpvragen/{vraag.id}/suggesties")
    assert "De hulpvrager is gewezen op Geldloket Meppel." in client.get(response.headers["Location"]).get_data(True)
    [referral] = db.session.scalars(select(Referral)).all()
    assert (referral.request_id, referral.service_id, referral.note) == (vraag.id, geldloket.id, "Ze helpen u gratis.")
    assert referral.coordinator_id == accounts["coordinator"].id
    [mail] = outbox()
    assert mail.to_address == "inwoner@example.org"
    assert "Geldloket Meppel" in mail.text_body and f"/voorzieningen/{geldloket.slug}" in mail.text_body
    assert "Ze helpen u gratis." in mail.text_body
    for other in ("coordinator@example.org", accounts["coordinator"].display_name):
        assert other not in mail.text_body and other not in mail.html_body
    assert [item.referral.service.name for item in my_referrals(accounts["inwoner"])] == ["Geldloket Meppel"]
    assert my_referrals(accounts["inwoner_b"]) == []


def test_an_intake_account_gets_the_referral_without_a_mail(demo, client, login, accounts):
    resident = create_intake_account(accounts["coordinator"], "Mevrouw Jansen", "7941 AB", "0522-123456", "Meppel")
    vraag = bills_vraag(resident)
    login("coordinator")
    response = client.post(f"/coordinator/hulpvragen/{vraag.id}/doorverwijzen",
                           data={"service_id": service_named("Geldloket Meppel").id})
    assert response.status_code == 302
    assert len(db.session.scalars(select(Referral)).all()) == 1
    assert outbox() == []


def test_bad_referrals_change_nothing(demo, client, login, accounts):
    vraag = bills_vraag(accounts["inwoner"])
    archived = service_named("Geldloket Meppel")
    archived.archived_at = utcnow()
    db.session.commit()
    login("coordinator")
    for data in ({}, {"service_id": "onbekend"}, {"service_id": archived.id},
                 {"service_id": service_named("Thuisadministratie Meppel").id, "note": "x" * 1001}):
        response = client.post(f"/coordinator/hulpvragen/{vraag.id}/doorverwijzen", data=data)
        assert response.status_code == 400
        page = response.get_data(as_text=True)
        assert "Kies een voorziening uit de lijst." in page or "hoogstens 1000 tekens" in page
    assert db.session.scalars(select(Referral)).all() == []
    assert outbox() == []


def test_my_referrals_partial_lists_them(demo, app, client, login, accounts):
    vraag = bills_vraag(accounts["inwoner"])
    login("coordinator")
    client.post(f"/coordinator/hulpvragen/{vraag.id}/doorverwijzen",
                data={"service_id": service_named("Geldloket Meppel").id, "note": "Ga op dinsdag."})
    with app.test_request_context():
        referrals = my_referrals(accounts["inwoner"])
        html = render_template_string('{% include "suggestions/_my_referrals.html" %}', referrals=referrals,
                                      referral_texts=texts_for_page(item.referral.service for item in referrals))
        empty = render_template_string('{% include "suggestions/_my_referrals.html" %}',
                                       referrals=my_referrals(accounts["inwoner_b"]), referral_texts={})
    assert "Een coördinator wijst u op:" in html and "Geldloket Meppel" in html and "Ga op dinsdag." in html
    assert BILLS in html
    assert empty.strip() == ""


def test_the_mail_escapes_the_vraag_title(demo, client, login, accounts):
    vraag = bills_vraag(accounts["inwoner"])
    vraag.title = "Rekeningen <b>dringend</b>"
    db.session.commit()
    login("coordinator")
    client.post(f"/coordinator/hulpvragen/{vraag.id}/doorverwijzen",
                data={"service_id": service_named("Geldloket Meppel").id, "note": "<script>x</script>"})
    [mail] = outbox()
    assert "&lt;b&gt;dringend" in mail.html_body and "<b>" not in mail.html_body
    assert "<script>" not in mail.html_body


def test_a_double_submitted_referral_is_stored_and_mailed_once(demo, client, login, accounts):
    vraag = bills_vraag(accounts["inwoner"])
    login("coordinator")
    data = {"service_id": service_named("Geldloket Meppel").id, "note": "Ze helpen u gratis."}
    assert client.post(f"/coordinator/hulpvragen/{vraag.id}/doorverwijzen", data=data).status_code == 302
    again = client.post(f"/coordinator/hulpvragen/{vraag.id}/doorverwijzen", data=data)
    assert again.status_code == 400 and "al gewezen op deze voorziening" in again.get_data(as_text=True)
    assert len(db.session.scalars(select(Referral)).all()) == 1 and len(outbox()) == 1
    assert len(my_referrals(accounts["inwoner"])) == 1


def test_a_voorziening_of_another_gemeente_whose_werkgebied_covers_the_vraag_counts_as_its_own(demo, accounts):
    vraag = bills_vraag(accounts["inwoner"])
    national = service_named("Startpunt Geldzaken Tynaarlo")  # found by the text, but for Tynaarlo
    assert national not in related_services(vraag)
    national.areas = [ServiceArea(name=NATIONAL)]
    db.session.commit()
    # Ahead of every voorziening for another gemeente only ("brieven" also brings Thuisadministratie Meppel, so
    # the first three can all be Meppel's own).
    after = related_services(vraag, limit=30)
    elsewhere = [i for i, service in enumerate(after) if service.gemeente != "Meppel" and service is not national]
    assert national in after and after.index(national) < min(elsewhere, default=len(after))
