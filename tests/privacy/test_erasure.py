"""Deleting an account deletes: no row of any table and no mail file holds its e-mail address, name or phone."""
import json
from pathlib import Path

from sqlalchemy import select

from tests.conftest import PASSWORD
from tests.factories import make_post, make_service
from webapp.directory.audit import AuditEntry
from webapp.directory.gemeente_contacts import ContactData, GemeenteContactChange, save_contact
from webapp.directory.maintenance import archive_service
from webapp.directory.synonyms import create_group
from webapp.extensions import db
from webapp.matching import services
from webapp.moderation import reports
from webapp.providers.models import ListingReminder
from webapp.providers.reminders import send_by_hand
from webapp.search.vocabulary import SynonymGroupChange

TYPED_PHONE = "06 - 12 - 34 - 56 - 78"


def _fill(client, people, log_in):
    """The asker's account goes through the real flows, typing its own phone and e-mail into what it writes."""
    asker, helper = people["asker"], people["helper"]
    own = f"bel {TYPED_PHONE} of mail {asker.email}, groet {asker.display_name}"
    vraag = make_post("hulpvraag", author=asker, title="Boodschappen, bel 0612345678", description=own,
                      when_note=f"na {asker.phone} bellen")
    match = services.react_to_request(vraag, helper, f"Hallo {asker.display_name}, mail mij op {helper.email}")
    services.post_message(match, asker, own)
    services.accept(match, asker)
    services.confirm(match, people["coordinator"])  # the confirmation mail gives the helper the asker's details
    services.post_message(match, helper, f"Ik bel je op {asker.phone}, {asker.display_name}")
    services.complete(match, people["coordinator"])
    services.complete(match, asker, "goed", own)  # the asker's answer to 'hoe ging het?' after afronden
    other = make_post("hulpvraag", author=helper, title="Tuin")
    reports.report(other, asker, None, own)
    return vraag


def _haystack(app):
    rows = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(select(table)).all():
            rows.append((table.name, " ".join(str(value) for value in row if value is not None)))
    files = [(path.name, path.read_bytes().decode("utf-8", "replace"))
             for path in Path(app.config["MAIL_DIR"]).rglob("*") if path.is_file()]
    return rows, files


def _secrets(user):
    digits = user.phone.replace("+31", "0")
    return [user.email, user.display_name, user.phone, digits, "0612345678", "12 - 34 - 56", "34 56 78"]


def test_after_deletion_nothing_holds_the_address_name_or_phone(app, client, people, log_in):
    asker = people["asker"]
    asker.phone = "+31612345678"
    db.session.commit()
    _fill(client, people, log_in)
    secrets = _secrets(asker)
    rows, files = _haystack(app)
    assert any(asker.email in text for _name, text in rows) and files  # the fill reached the tables and the files
    log_in("asker")
    assert client.post("/account/verwijderen", data={"password": PASSWORD}).status_code == 302
    db.session.expire_all()
    rows, files = _haystack(app)
    found = [(where, secret) for where, text in rows + files for secret in secrets if secret in text]
    assert not found, sorted({(where if where.endswith("s") else "a mail file", secret) for where, secret in found})


def test_the_data_download_holds_messages_reactions_matches_and_reports(app, client, people, log_in):
    _fill(client, people, log_in)
    log_in("asker")
    data = json.loads(client.get("/account/mijn-gegevens.json").get_data(as_text=True))
    [conversation] = data["gesprekken"]
    mine = [message for message in conversation["berichten"] if message["van mij"]]
    assert len(conversation["berichten"]) == 3 and len(mine) == 1 and TYPED_PHONE in mine[0]["tekst"]
    assert conversation["status"] == "afgerond" and conversation["mijn beoordeling"]["oordeel"] == "goed"
    [report] = data["meldingen"]
    assert TYPED_PHONE in report["reden"]


def test_the_change_logs_of_a_deleted_beheerder_keep_an_anonymous_id(app, client, login, accounts):
    beheerder = accounts["beheerder"]
    archive_service(beheerder, make_service("Buurthuis De Plas"))
    save_contact(beheerder, "Meppel", ContactData(name="Gemeente Meppel"))
    create_group(beheerder, "zwemmen", "baden, zwembad")
    send_by_hand(beheerder, make_service("Odensehuis"), "info@odensehuis.example")
    login("beheerder")
    assert client.post("/account/verwijderen", data={"password": PASSWORD}).status_code == 302
    db.session.expire_all()
    rows, _files = _haystack(app)
    assert not [table for table, text in rows if beheerder.email in text]
    logs = (AuditEntry, GemeenteContactChange, SynonymGroupChange, ListingReminder)
    actors = {db.session.scalar(select(model.actor)) for model in logs}
    assert len(actors) == 1 and actors.pop().startswith("verwijderd account #")
