"""CSV export and import of voorzieningen: the preview writes nothing, the confirmation writes exactly what the
preview promised (audited as imported, in the index), a bad row or a bad file changes nothing."""
import html
import io
import re
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSWORD, verify_ok
from tests.factories import make_service
from webapp.accounts.services import create_account
from webapp.beheer import csv_io
from webapp.directory import maintenance
from webapp.directory.audit import AuditEntry
from webapp.directory.models import Service
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.search.log import head

IMPORT, CONFIRM, EXPORT = "/beheer/import", "/beheer/import/bevestigen", "/beheer/export.csv"
HEADER = "id;naam;gemeente;telefoon;postcode;themas"


def upload(client, content, filename="voorzieningen.csv"):
    data = content.encode("utf-8") if isinstance(content, str) else content
    response = client.post(IMPORT, data={"bestand": (io.BytesIO(data), filename)}, content_type="multipart/form-data")
    response.request.environ["wsgi.input"].close()  # the test client spools a large body to a file it leaves open
    return response


def hidden(page, name):
    return html.unescape(re.search(rf'name="{name}" type="hidden" value="([^"]*)"', page).group(1))


def confirm_preview(client, preview):
    """Press "Bevestigen" on a preview page: post back exactly what the page carries."""
    page = preview.get_data(as_text=True)
    return client.post(CONFIRM, data={"csv_text": hidden(page, "csv_text"), "plan_digest": hidden(page, "plan_digest")},
                       follow_redirects=True)


def state():
    """Everything an import could touch: rows, their versions, the audit log and the index log."""
    db.session.expire_all()
    versions = dict(db.session.execute(select(Service.id, Service.version)).all())
    return versions, db.session.scalar(select(func.count()).select_from(AuditEntry)), head(db.session)


def imported_entries(service_id=None):
    query = select(AuditEntry).where(AuditEntry.action == "geimporteerd")
    if service_id:
        query = query.where(AuditEntry.service_id == service_id)
    return db.session.scalars(query).all()


def by_name(name):
    return db.session.scalar(select(Service).where(Service.name == name))


def statuses(plan):
    return [(row.number, row.status) for row in plan]


# ---- through the test client -----------------------------------------------------------------------------------

@pytest.fixture
def mixed_file():
    """Two new rows, one change, one unchanged, a bad postcode on an existing row, and a row for Tynaarlo."""
    changed = make_service("Inloop De Schakel", gemeente="Meppel", phone="0522 111 222")
    unchanged = make_service("Taalhuis Meppel", gemeente="Meppel")
    bad = make_service("Kledingbank Meppel", gemeente="Meppel")
    text = "\n".join([
        HEADER,
        ";Repair Café Meppel;Meppel;0522 333 444;7941 AB;ontmoeten-en-eenzaamheid|wonen",
        f"{changed.id};Inloop De Schakel;Meppel;0522 999 888;;mantelzorg",
        f"{unchanged.id};Taalhuis Meppel;Meppel;;;",
        f"{bad.id};Kledingbank Meppel (nieuw);Meppel;;79411;",
        ";Stiekem in Tynaarlo;Tynaarlo;;;",
        ";Wandelclub Nijeveen;Meppel;;;gezondheid-en-bewegen",
    ]) + "\n"
    return text, changed, unchanged, bad


def test_the_preview_reports_every_row_and_writes_nothing(client, login, mixed_file):
    text, changed, _unchanged, _bad = mixed_file
    login("beheerder")
    before = state()
    response = upload(client, text)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "2 nieuw, 1 gewijzigd, 1 ongewijzigd, 2 geweigerd" in page
    assert "0522 111 222 → 0522 999 888" in page and "— → mantelzorg" in page
    assert "Vul een postcode in zoals 7941 AB." in page
    assert "U beheert geen voorzieningen in de gemeente Tynaarlo." in page
    assert "Er is nog niets opgeslagen." in page
    assert state() == before


def test_confirm_writes_exactly_what_the_preview_promised(client, login, runner, mixed_file):
    text, changed, unchanged, bad = mixed_file
    login("beheerder")
    before_versions, before_audit, _ = state()
    response = confirm_preview(client, upload(client, text))
    assert "Import klaar: 2 nieuw, 1 gewijzigd, 2 geweigerd. 1 ongewijzigd." in response.get_data(as_text=True)
    assert response.request.path == "/beheer/"

    versions, audit_count, _ = state()
    repair, wandel = by_name("Repair Café Meppel"), by_name("Wandelclub Nijeveen")
    assert set(versions) == set(before_versions) | {repair.id, wandel.id}
    assert [theme.slug for theme in repair.themes] == ["ontmoeten-en-eenzaamheid", "wonen"]
    assert repair.location.postcode == "7941 AB" and repair.location.point is not None  # geocoded on save
    fresh = db.session.get(Service, changed.id)
    assert fresh.phone == "0522 999 888" and [t.slug for t in fresh.themes] == ["mantelzorg"]
    assert versions[unchanged.id] == before_versions[unchanged.id]
    assert versions[bad.id] == before_versions[bad.id] and db.session.get(Service, bad.id).name == "Kledingbank Meppel"
    assert by_name("Stiekem in Tynaarlo") is None

    assert audit_count == before_audit + 3
    [entry] = imported_entries(changed.id)
    assert entry.actor == "beheerder@example.org"
    changes = {c["field"]: (c["old"], c["new"]) for c in entry.changes}
    assert changes["phone"] == ("0522 111 222", "0522 999 888") and changes["themes"] == ("", "mantelzorg")
    assert set(changes) <= {"phone", "themes", "point", "precision"}  # saving also placed it on the kaart
    assert {c["field"]: c["new"] for c in imported_entries(repair.id)[0].changes}["postcode"] == "7941 AB"
    assert imported_entries(unchanged.id) == [] and imported_entries(bad.id) == []
    verify_ok(runner)
    names = [item["name"] for item in client.get("/api/v1/voorzieningen", query_string={"q": "repair"})
             .get_json()["results"]]
    assert names == ["Repair Café Meppel"]


def test_a_preview_that_no_longer_holds_is_shown_again_instead_of_applied(client, login, accounts, mixed_file):
    text, changed, _unchanged, _bad = mixed_file
    login("beheerder")
    preview = upload(client, text)
    edited = replace(csv_io.current_data(changed), phone="0522 555 555")
    maintenance.update_service(accounts["beheerder"], changed, edited)  # someone else, between preview and confirm
    before = state()
    response = confirm_preview(client, preview)
    page = response.get_data(as_text=True)
    assert "Er is intussen iets veranderd" in page and "0522 555 555 → 0522 999 888" in page
    assert state() == before


def test_export_then_import_changes_nothing(demo, client, login, runner):
    login("beheerder")
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response.headers["Content-Disposition"]
    data = response.get_data()
    assert data.startswith("\ufeff".encode()) and data.decode("utf-8-sig").startswith("id;naam;gemeente;")
    rows = csv_io.read_rows(data.decode("utf-8-sig")).rows
    meppel = db.session.scalar(select(func.count()).select_from(Service).where(Service.gemeente == "Meppel"))
    assert len(rows) == meppel > 15 and {row.cells["gemeente"] for row in rows} == {"Meppel"}

    before = state()
    preview = upload(client, data)
    page = preview.get_data(as_text=True)
    assert f"0 nieuw, 0 gewijzigd, {meppel} ongewijzigd, 0 geweigerd" in page
    assert "Bevestigen" not in page
    response = client.post(CONFIRM, data={"csv_text": data.decode("utf-8-sig")}, follow_redirects=True)
    assert f"0 nieuw, 0 gewijzigd, 0 geweigerd. {meppel} ongewijzigd." in response.get_data(as_text=True)
    assert state() == before
    verify_ok(runner)


def test_archived_voorzieningen_are_not_exported(client, login, accounts):
    kept, gone = make_service("Buurtkamer Haveltermade"), make_service("Oude soos")
    maintenance.archive_service(accounts["beheerder"], gone)
    login("beheerder")
    text = client.get(EXPORT).get_data(as_text=True)
    assert kept.id in text and "Oude soos" not in text


@pytest.mark.parametrize("content, message", [
    ("naam;gemeente\nCafé;Meppel\n".encode("cp1252"), "geen UTF-8"),
    (b"", "Het bestand is leeg."),
    (b"   \n", "Het bestand is leeg."),
    (b";;;\n;;\n", "Het bestand is leeg."),
    (b"titel;plaats\nIets;Meppel\n", "geen kolom 'naam'"),
    (b"naam;gemeente\n", "geen voorzieningen in het bestand"),
    (b"PK\x03\x04\x00\x00binary", "Dit is geen CSV-bestand"),
    (b"naam\n" + b"x" * (2 * 1024 * 1024), "te groot"),
])
def test_a_file_we_cannot_use_gets_a_dutch_message_and_changes_nothing(client, login, content, message):
    make_service("Buurthuis Oost")
    login("beheerder")
    before = state()
    response = upload(client, content)
    assert response.status_code in (200, 400)
    assert message in html.unescape(response.get_data(as_text=True))
    assert state() == before


def test_an_upload_without_a_file_asks_for_one(client, login):
    login("beheerder")
    response = client.post(IMPORT, data={}, content_type="multipart/form-data")
    assert response.status_code == 200 and "Kies een bestand." in response.get_data(as_text=True)


def test_a_confirmation_without_the_text_goes_back_to_the_upload(client, login):
    login("beheerder")
    before = state()
    response = client.post(CONFIRM, data={}, follow_redirects=True)
    assert response.request.path == IMPORT and "Kies het bestand opnieuw." in response.get_data(as_text=True)
    assert state() == before


def test_more_rows_to_write_than_fit_in_one_request_are_refused_as_a_whole(client, login):
    text = "naam\n" + "".join(f"Voorziening {number}\n" for number in range(csv_io.MAX_WRITES + 1))
    login("beheerder")
    before = state()
    preview = upload(client, text).get_data(as_text=True)
    assert f"hoogstens {csv_io.MAX_WRITES} nieuwe of gewijzigde" in preview and "Bevestigen" not in preview
    response = client.post(CONFIRM, data={"csv_text": text})
    assert f"hoogstens {csv_io.MAX_WRITES} nieuwe of gewijzigde" in response.get_data(as_text=True)
    assert state() == before


def test_with_csrf_on_every_step_carries_its_token_and_a_confirmation_without_one_is_refused(csrf_client):
    create_account("kees@meppel.nl", PASSWORD, "beheerder", ["Meppel"])

    def token(path):
        return hidden(csrf_client.get(path).get_data(as_text=True), "csrf_token")
    csrf_client.post("/inloggen", data={"email": "kees@meppel.nl", "password": PASSWORD,
                                        "csrf_token": token("/inloggen")})
    preview = csrf_client.post(IMPORT, data={"bestand": (io.BytesIO(b"naam\nBuurtsoep\n"), "a.csv"),
                                             "csrf_token": token(IMPORT)}, content_type="multipart/form-data")
    page = preview.get_data(as_text=True)
    assert "1 nieuw" in page
    refused = csrf_client.post(CONFIRM, data={"csv_text": hidden(page, "csv_text")})
    assert refused.status_code == 400 and by_name("Buurtsoep") is None
    csrf_client.post(CONFIRM, data={name: hidden(page, name) for name in ("csv_text", "plan_digest", "csrf_token")})
    assert by_name("Buurtsoep").gemeente == "Meppel"


def test_a_file_that_is_not_csv_by_its_name_is_refused(client, login):
    login("beheerder")
    response = upload(client, "naam\nIets\n", filename="voorzieningen.xlsx")
    assert "Kies een bestand dat eindigt op .csv." in response.get_data(as_text=True)


def test_the_upload_page_explains_the_columns_and_links_the_example(client, login):
    login("beheerder")
    page = client.get(IMPORT).get_data(as_text=True)
    assert 'accept=".csv"' in page and 'enctype="multipart/form-data"' in page
    assert 'href="/beheer/export.csv"' in page and "laatst_gecontroleerd" in page


@pytest.mark.parametrize("role", [None, "inwoner", "coordinator"])
@pytest.mark.parametrize("method, path", [("GET", IMPORT), ("POST", IMPORT), ("POST", CONFIRM), ("GET", EXPORT)])
def test_only_beheerders_reach_import_and_export(client, login, role, method, path):
    service = make_service("Buurthuis Oost", gemeente="Meppel")
    login(role)
    before = state()
    data = {"csv_text": f"id;naam\n{service.id};Gekaapt\n;Ingebroken\n",
            "bestand": (io.BytesIO(b"naam\nIngebroken\n"), "a.csv")} if method == "POST" else None
    response = client.open(path, method=method, data=data)
    if role is None:
        assert response.status_code == 302 and "/inloggen" in response.headers["Location"]
    else:
        assert response.status_code == 403
    assert "Buurthuis Oost" not in response.get_data(as_text=True)
    assert state() == before


def test_a_beheerder_of_another_gemeente_can_neither_see_nor_change_meppel(demo, client, login):
    meppel = make_service("Buurthuis Oost", gemeente="Meppel")
    login("beheerder_elders")
    export = client.get(EXPORT).get_data(as_text=True)
    assert "Buurthuis Oost" not in export and ";Meppel;" not in export and ";Tynaarlo;" in export
    text = f"id;naam;gemeente\n{meppel.id};Gekaapt;Meppel\n{meppel.id[:8]}x;Gekaapt;Tynaarlo\n;Ingebroken;Meppel\n"
    before = state()
    page = upload(client, text).get_data(as_text=True)
    assert "Dit id hoort bij een voorziening van een gemeente die u niet beheert." in page
    assert "Er is geen voorziening met dit id." in page
    assert "Buurthuis Oost" not in page
    response = client.post(CONFIRM, data={"csv_text": text}, follow_redirects=True)
    assert "0 nieuw, 0 gewijzigd, 3 geweigerd" in response.get_data(as_text=True)
    assert state() == before


# ---- the functions, without requests ---------------------------------------------------------------------------

def test_reading_is_forgiving_about_separator_bom_spaces_case_and_labels(app, accounts):
    text = ("\ufeff Naam , Gemeente ,Toegang,Thema's,gratis,laatst_gecontroleerd,e-mail,Opmerking\n"
            " Soep op zaterdag , meppel ,Vrije inloop,\"Ontmoeten en eenzaamheid, wonen\",JA,31-3-2025,, iets\n"
            ",,,,,,,\n")
    rows = csv_io.read_rows(text)
    assert rows.ignored_columns == ["Opmerking"] and len(rows) == 1
    [row] = csv_io.plan_import(accounts["beheerder"], rows)
    assert row.status == "nieuw", row.reasons
    assert (row.data.name, row.data.gemeente, row.data.access_route, row.data.free_of_charge) == (
        "Soep op zaterdag", "Meppel", "vrij-inloop", "ja")
    assert row.data.themes == ("ontmoeten-en-eenzaamheid", "wonen")
    assert row.data.last_checked_on == date(2025, 3, 31) and row.data.email is None


def test_a_new_row_named_like_an_existing_voorziening_is_allowed_but_said(app, accounts):
    make_service("Taalhuis Meppel")
    plan = csv_io.plan_import(accounts["beheerder"], csv_io.read_rows(
        "\n\nnaam\nTaalhuis meppel\nBuurtsoep\nBuurtsoep\n"))
    assert statuses(plan) == [(4, "nieuw"), (5, "nieuw"), (6, "nieuw")]
    assert [len(row.notes) for row in plan] == [1, 0, 1]
    assert "Er is al een voorziening met deze naam in Meppel." in plan[0].notes[0]


def test_a_column_left_out_keeps_the_stored_value_and_an_empty_cell_empties_it(app, accounts):
    service = make_service("Geldloket Meppel", phone="0522 123 456", email="geld@meppel.nl", summary="Hulp bij geld.")
    [row] = csv_io.plan_import(accounts["beheerder"], csv_io.read_rows(
        f"id,naam,email\n{service.id},Geldloket Meppel,\n"))
    assert row.status == "gewijzigd"
    assert row.changes == [("email", "geld@meppel.nl", "")]
    assert (row.data.phone, row.data.summary) == ("0522 123 456", "Hulp bij geld.")


def test_every_refusal_says_why(app, accounts):
    meppel, tynaarlo = make_service("Meppeler dienst"), make_service("Tynaarlo dienst", gemeente="Tynaarlo")
    text = "\n".join([
        "id;naam;gemeente;toegang;themas;postcode;email;website;telefoon;laatst_gecontroleerd;gratis",
        ";Een;Meppel;binnenlopen;;;;;;;",
        ";Twee;Meppel;;geld|snoep;;;;;;",
        ";Drie;Atlantis;;;;;;;;",
        ";Vier;Tynaarlo;;;;;;;;",
        ";;Meppel;;;;;;;;",
        ";Zes;Meppel;;;7941 A;;;;;",
        ";Zeven;Meppel;;;;geen-adres;;;;",
        ";Acht;Meppel;;;;;www.meppel;;;",
        ";Negen;Meppel;;;;;;12;;",
        ";Tien;Meppel;;;;;;;31 maart;",
        "4a1b-onbekend;Elf;Meppel;;;;;;;;",
        f"{tynaarlo.id};Twaalf;Meppel;;;;;;;;",
        f"{meppel.id};Dertien;Meppel;;;;;;;;",
        f"{meppel.id};Veertien;Meppel;;;;;;;;",
        ";Vijftien;Meppel;;;;;;;;misschien",
    ])
    plan = csv_io.plan_import(accounts["beheerder"], csv_io.read_rows(text))
    reasons = {row.number: dict(row.reasons) for row in plan}
    assert all(row.status == "geweigerd" for row in plan)
    expected = {
        2: ("toegang", "'binnenlopen' kennen we niet"), 3: ("themas", "'geld', 'snoep' kennen we niet"),
        4: ("gemeente", "De gemeente 'Atlantis' kennen we niet"),
        5: ("gemeente", "U beheert geen voorzieningen in de gemeente Tynaarlo."), 6: ("naam", "Vul dit in."),
        7: ("postcode", "Vul een postcode in zoals 7941 AB."),
        8: ("email", "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
        9: ("website", "Vul een webadres in dat begint met https://."),
        10: ("telefoon", "Vul een telefoonnummer in, zoals 0522 123 456."),
        11: ("laatst_gecontroleerd", "Vul een datum in zoals 2025-03-31."),
        12: ("id", "Er is geen voorziening met dit id."),
        13: ("id", "Dit id hoort bij een voorziening van een gemeente die u niet beheert."),
        14: ("id", "Dit id staat meer dan één keer in het bestand."),
        15: ("id", "Dit id staat meer dan één keer in het bestand."),
        16: ("gratis", "'misschien' kennen we niet"),
    }
    for number, (column, message) in expected.items():
        assert message in reasons[number].get(column, ""), (number, reasons[number])


def test_tricky_values_survive_export_and_import(app, accounts):
    service = make_service("=HYPERLINK(\"http://kwaad.example\")", phone="+31 6 12345678",
                           description="Eerste regel;\r\nTweede \"regel\"", last_checked_on=date(2024, 2, 29))
    maintenance.update_service(accounts["beheerder"], service, replace(
        csv_io.current_data(service), themes=("wonen", "mantelzorg"),
        target_groups=("mensen die moeite hebben met lezen, schrijven of rekenen", "ouderen")))
    text = csv_io.export_csv(csv_io.exportable_services(["Meppel"]))
    assert "'=HYPERLINK" in text and ";'+31 6 12345678;" in text  # Excel shows them as text, not as formulas
    [row] = csv_io.plan_import(accounts["beheerder"], csv_io.read_rows(text))
    assert (row.status, row.changes, row.reasons) == ("ongewijzigd", [], [])
    assert row.data.name.startswith("=HYPERLINK") and row.data.phone == "+31 6 12345678"


def test_apply_import_counts_and_audits_only_what_it_wrote(app, accounts):
    plan = csv_io.plan_import(accounts["beheerder"], csv_io.read_rows("naam;gemeente\nA;Meppel\nB;Tynaarlo\n"))
    counts = csv_io.apply_import(accounts["beheerder"], plan)
    assert (counts["nieuw"], counts["geweigerd"]) == (1, 1)
    [entry] = imported_entries()
    assert entry.service.name == "A" and entry.service.gemeente == "Meppel"


def test_an_import_whose_150th_row_fails_at_write_time_writes_nothing(app, accounts):
    """149 new rows, then a change to a voorziening that another beheerder changed after the plan was made."""
    target = make_service("Soos De Weide", phone="0522 100 100")
    lines = [f";Nieuw {number};Meppel;;;" for number in range(1, 150)] + [f"{target.id};Soos De Weide;Meppel;0522 200 200;;"]
    plan = csv_io.plan_import(accounts["beheerder"], csv_io.read_rows("\n".join([HEADER, *lines]) + "\n"))
    assert [row.status for row in plan].count("nieuw") == 149 and plan[-1].status == "gewijzigd"
    someone_else = replace(csv_io.current_data(target), summary="Elke dinsdag open")
    maintenance.update_service(accounts["beheerder"], target, someone_else)
    before = state()

    with pytest.raises(RuleViolation, match="Rij 151: de voorziening is intussen gewijzigd. Er is niets geïmporteerd."):
        csv_io.apply_import(accounts["beheerder"], plan)
    assert state() == before
    assert db.session.scalar(select(func.count()).select_from(Service)) == 1
