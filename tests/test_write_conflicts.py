"""One way to write: two real sessions save the same row, a form sent twice, an approval after an edit,
geocoding outside the write lock. On SQLite and PostgreSQL."""
import sqlite3

import pytest
from geopy.geocoders import Nominatim
from sqlalchemy import func, select

from tests.conftest import PASSWORD, ROLE_ACCOUNTS
from tests.factories import make_post, make_service
from tests.html_forms import main_form
from webapp.accounts.models import User
from webapp.directory.models import Service
from webapp.extensions import db
from webapp.posts.models import Post
from webapp.posts.vocab import OPEN, PENDING

CONFLICT = "Iemand anders heeft dit net gewijzigd"


def session_of(app, role):
    """A browser of its own (its own cookie jar), logged in as `role`."""
    browser = app.test_client()
    response = browser.post("/inloggen", data={"email": ROLE_ACCOUNTS[role][0], "password": PASSWORD})
    assert response.status_code == 302
    return browser


def two_forms(app, role, url):
    """Two sessions of the same person, each with the form as it was shown to them."""
    first, second = session_of(app, role), session_of(app, role)
    return (first, main_form(first.get(url).text)), (second, main_form(second.get(url).text))


def fresh(model, row_id):
    db.session.expire_all()
    return db.session.get(model, row_id)


def test_a_second_beheerder_cannot_undo_the_first(app, accounts):
    service = make_service("Buurthuis De Poort", phone="0522 111 111")
    url = f"/beheer/voorzieningen/{service.id}/bewerken"
    (anna, form_a), (bert, form_b) = two_forms(app, "beheerder", url)

    assert anna.post(url, data={**form_a, "name": "Buurthuis De Poort (nieuw)"}).status_code == 302
    response = bert.post(url, data={**form_b, "phone": "0522 222 222"})

    assert response.status_code == 409
    assert CONFLICT in response.text and "Buurthuis De Poort (nieuw)" in response.text  # what is saved now
    assert main_form(response.text)["phone"] == "0522 222 222"  # Bert's input is kept
    saved = fresh(Service, service.id)
    assert (saved.name, saved.phone) == ("Buurthuis De Poort (nieuw)", "0522 111 111")

    # Saving again from the 409 page (it carries the new version) is a deliberate choice, and works.
    assert bert.post(url, data=main_form(response.text)).status_code == 302
    saved = fresh(Service, service.id)
    assert (saved.name, saved.phone) == ("Buurthuis De Poort", "0522 222 222")


def test_a_post_edited_in_two_tabs_keeps_the_first_save(app, accounts):
    post = make_post(author=accounts["inwoner"], status="concept", title="Eerste titel",
                     description="Wie helpt met de boodschappen?")
    url = f"/voor-elkaar/mijn/{post.id}/bewerken"
    (tab_1, form_1), (tab_2, form_2) = two_forms(app, "inwoner", url)

    assert tab_1.post(url, data={**form_1, "title": "Titel uit tab 1"}).status_code == 302
    response = tab_2.post(url, data={**form_2, "description": "Beschrijving uit tab 2"})

    assert response.status_code == 409 and CONFLICT in response.text and "Titel uit tab 1" in response.text
    assert main_form(response.text)["description"] == "Beschrijving uit tab 2"
    assert fresh(Post, post.id).title == "Titel uit tab 1"
    assert fresh(Post, post.id).description != "Beschrijving uit tab 2"


def test_a_profile_edited_in_two_sessions_keeps_the_first_save(app, accounts):
    accounts["inwoner"].postcode = "7941 AB"
    db.session.commit()
    (phone, form_p), (laptop, form_l) = two_forms(app, "inwoner", "/account")
    assert phone.post("/account", data={**form_p, "display_name": "Ria"}).status_code == 302
    response = laptop.post("/account", data={**form_l, "postcode": "7942 AB"})
    assert response.status_code == 409 and CONFLICT in response.text and "Ria" in response.text
    user = fresh(User, accounts["inwoner"].id)
    assert (user.display_name, user.postcode) == ("Ria", "7941 AB")


def test_approve_after_an_edit_does_not_publish_the_unreviewed_text(app, accounts):
    post = make_post(author=accounts["inwoner"], status=PENDING, title="Boodschappen op vrijdag",
                     description="Wie gaat met mij mee naar de winkel?")
    coordinator = session_of(app, "coordinator")
    review = coordinator.get(f"/coordinator/controle/{post.id}").text
    approve = main_form(review, marker=f'action="/coordinator/controle/{post.id}/goedkeuren"')

    author = session_of(app, "inwoner")
    edit_url = f"/voor-elkaar/mijn/{post.id}/bewerken"
    edit = main_form(author.get(edit_url).text)
    assert author.post(edit_url, data={**edit, "title": "Bel mij op 06 12345678"}).status_code == 302

    response = coordinator.post(f"/coordinator/controle/{post.id}/goedkeuren", data=approve)
    assert response.status_code == 409
    assert "Het bericht is gewijzigd terwijl u het las" in response.text
    assert fresh(Post, post.id).status == PENDING  # nothing published

    again = main_form(response.text, marker=f'action="/coordinator/controle/{post.id}/goedkeuren"')
    assert coordinator.post(f"/coordinator/controle/{post.id}/goedkeuren", data=again).status_code == 302
    assert fresh(Post, post.id).status == OPEN  # the coördinator read the new text and approved it


def count(model):
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("role, url, fill, model, again", [
    ("inwoner", "/voor-elkaar/hulpvraag/nieuw",
     {"title": "Hulp bij de tuin", "description": "De heg moet geknipt.", "category": "tuin",
      "place": "7941 AB", "send": "1"}, Post, {}),
    # the same name a second time is a likely duplicate: beheer says so, and saves when told it is another one
    ("beheerder", "/beheer/voorzieningen/nieuw", {"name": "Repair Café Meppel", "gemeente": "Meppel"}, Service,
     {"save_anyway": "y"}),
    ("coordinator", "/coordinator/inwoners",
     {"display_name": "Meneer Jansen", "postcode": "7941 AB", "phone": "0522 123 456", "gemeente": "Meppel"}, User,
     {}),
])
def test_the_same_submission_twice_makes_one_row(app, accounts, role, url, fill, model, again):
    browser = session_of(app, role)
    form = {**main_form(browser.get(url).text), **fill}
    before = count(model)
    first = browser.post(url, data=form)
    second = browser.post(url, data=form)  # a double click, or a retry after the answer got lost
    assert first.status_code == second.status_code == 302, first.text
    assert first.headers["Location"] == second.headers["Location"]  # both show the one row
    assert count(model) == before + 1
    other = {**main_form(browser.get(url).text), **fill, **again}  # a new form is a new submission
    assert browser.post(url, data=other).status_code == 302
    assert count(model) == before + 2


class LockProbingNominatim:
    """Nominatim's stand-in: while it is 'geocoding', another connection tries to take SQLite's write lock."""

    def __init__(self, database_file):
        self.database_file, self.lock_was_free = database_file, []

    def geocode(self, query, **options):
        other = sqlite3.connect(self.database_file, timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # fails at once if the save holds the lock while geocoding
            other.execute("ROLLBACK")
            self.lock_was_free.append(True)
        except sqlite3.OperationalError:
            self.lock_was_free.append(False)
        finally:
            other.close()
        return None  # no answer: the save is placed offline


def test_a_save_geocodes_online_without_holding_the_write_lock(app, accounts, monkeypatch):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's single write lock")
    app.config["GEOCODER"] = "nominatim"
    probe = LockProbingNominatim(db.engine.url.database)
    monkeypatch.setattr(Nominatim, "geocode", probe.geocode)
    beheerder = session_of(app, "beheerder")
    url = "/beheer/voorzieningen/nieuw"
    form = {**main_form(beheerder.get(url).text), "name": "Inloop Zuideinde", "gemeente": "Meppel",
            "address": "Zuideinde 5", "woonplaats": "Meppel"}
    assert beheerder.post(url, data=form).status_code == 302
    assert probe.lock_was_free and all(probe.lock_was_free)


def test_a_message_sent_twice_is_one_message(app, accounts):
    from webapp.matching.models import Message
    vraag = make_post(author=accounts["inwoner"], status=OPEN, description="Wie helpt met de boodschappen?")
    helper = session_of(app, "inwoner_b")
    reacted = helper.post(f"/voor-elkaar/hulpvragen/{vraag.id}/reageren", data={"message": "Ik kan op vrijdag."})
    assert reacted.status_code == 302
    conversation = reacted.headers["Location"]
    form = {**main_form(helper.get(conversation).text, marker='name="message"'), "message": "Hoe laat?"}
    assert helper.post(conversation, data=form).status_code == 302
    assert helper.post(conversation, data=form).status_code == 302
    assert count(Message) == 2  # the reaction and one "Hoe laat?"


def test_a_submission_whose_row_is_gone_makes_a_new_one(app, accounts):
    """The intake form sent again after that account was deleted: a new account, never a 500."""
    browser = session_of(app, "coordinator")
    url = "/coordinator/inwoners"
    form = {**main_form(browser.get(url).text), "display_name": "Meneer Jansen", "postcode": "7941 AB",
            "phone": "0522 123 456", "gemeente": "Meppel"}
    assert browser.post(url, data=form).status_code == 302
    made = db.session.scalar(select(User).where(User.display_name == "Meneer Jansen"))
    db.session.delete(made)
    db.session.commit()
    assert browser.post(url, data=form).status_code == 302
    assert db.session.scalar(select(func.count()).select_from(User).where(User.display_name == "Meneer Jansen")) == 1
