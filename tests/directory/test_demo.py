"""`flask demo load`: every entry placed as precisely as its words allow, idempotent, never overwriting edits."""
import csv
import hashlib
import json
from pathlib import Path

from sqlalchemy import func, select

from webapp.directory.audit import snapshot
from webapp.directory.demo import LATER_FIELDS, fingerprint, load_demo
from webapp.directory.models import Location, Service, ServiceArea
from webapp.extensions import db
from webapp.search.log import head

with (Path(__file__).resolve().parents[2] / "data" / "geo" / "gemeenten.csv").open(encoding="utf-8") as _file:
    GEMEENTEN = {row["gemeente"]: row for row in csv.DictReader(_file)}


def service(name):
    return db.session.scalar(select(Service).where(Service.name == name))


def test_load_prints_a_count_per_precision_and_is_idempotent(runner):
    first = runner.invoke(args=["demo", "load"])
    assert first.exit_code == 0, first.output
    assert "Voorzieningen geladen: 128." in first.output
    assert "locatie op gemeente:" in first.output and "locatie op woonplaats:" in first.output
    log_head = head(db.session)

    second = runner.invoke(args=["demo", "load"])
    assert second.output.splitlines()[:-1] == first.output.splitlines()[:-1]
    assert second.output.splitlines()[-1] == "Voor elkaar: 0 voorbeeldaccounts en 0 voorbeeldberichten toegevoegd."
    assert db.session.scalar(select(func.count()).select_from(Service)) == 128
    assert db.session.scalar(select(func.count()).select_from(Location)) == 128
    assert head(db.session) == log_head  # nothing changed, so nothing was logged for the index


def test_a_row_changed_since_loading_is_never_overwritten(runner):
    runner.invoke(args=["demo", "load"])
    geldloket = service("Geldloket Meppel")
    geldloket.summary = "Gecontroleerd door de gemeente."
    db.session.commit()

    result = runner.invoke(args=["demo", "load"])
    assert "Overgeslagen omdat ze sinds het laden zijn gewijzigd: 1." in result.output
    db.session.expire_all()
    assert service("Geldloket Meppel").summary == "Gecontroleerd door de gemeente."


def test_entries_are_placed_only_as_precisely_as_their_words_allow(demo):
    geldloket = service("Geldloket Meppel").location
    assert (geldloket.woonplaats, geldloket.precision) == ("Meppel", "woonplaats")

    odensehuis = service("Odensehuis Meppel").location  # the document names no place in Meppel
    assert odensehuis.precision == "gemeente"
    assert (odensehuis.latitude, odensehuis.longitude) == (float(GEMEENTEN["Meppel"]["lat"]),
                                                           float(GEMEENTEN["Meppel"]["lon"]))

    eelde = service("Sociaal Vitaal Eelde-Paterswolde").location  # two BAG woonplaatsen: not one point
    assert eelde.precision == "gemeente"
    assert float(GEMEENTEN["Tynaarlo"]["lat"]) == eelde.latitude

    zuidlaren = service("Koffieochtenden Zuidlaren").location
    assert zuidlaren.precision == "woonplaats"


def test_facts_nobody_knows_stay_unknown(demo):
    for entry in db.session.scalars(select(Service)):
        assert entry.phone is None and entry.email is None and entry.website is None
        assert entry.free_of_charge == "onbekend"
        assert entry.languages is None
        assert entry.volunteers in ("ja", "onbekend")
        assert entry.location.wheelchair_access == "onbekend"
        assert entry.schedules == []
        assert entry.source_document and entry.source_year and entry.source_lines
        assert entry.last_checked_on is None


def test_the_index_holds_every_demo_entry(demo, runner):
    result = runner.invoke(args=["search", "verify"])
    assert result.exit_code == 0, result.output


def test_every_entry_is_for_its_own_gemeente_and_a_changed_werkgebied_is_kept(demo):
    """The documents say whose policy an entry is, not who else may come: the werkgebied is the own gemeente."""
    services = db.session.scalars(select(Service)).all()
    assert all(s.service_area == (s.gemeente,) and len(s.areas) == 1 for s in services)
    # Fingerprints made before werkgebieden existed (without the field) still hold for a default werkgebied,
    # and so for every field added later (LATER_FIELDS) at its default.
    geldloket = service("Geldloket Meppel")
    before_areas = {name: value for name, value in snapshot(geldloket).items()
                    if name not in ("service_area", *LATER_FIELDS)}
    assert fingerprint(geldloket) == geldloket.demo_fingerprint == hashlib.sha256(
        json.dumps(before_areas, sort_keys=True, default=str).encode()).hexdigest()
    geldloket.areas = [ServiceArea(name="Meppel"), ServiceArea(name="Westerveld")]
    db.session.commit()
    assert load_demo()[1] == 1  # skipped: changed since loading
    db.session.expire_all()
    assert service("Geldloket Meppel").service_area == ("Meppel", "Westerveld")
