"""likely_duplicates(): a similar name in the same place, on a real database (the import and beheer use it)."""
from types import SimpleNamespace

from tests.factories import make_service
from webapp.directory.duplicates import likely_duplicates
from webapp.directory.models import Service
from webapp.extensions import db
from webapp.models_base import utcnow


def names(found):
    return [item.name for item in found]


def test_a_small_spelling_difference_in_the_same_place_is_a_likely_duplicate(app):
    make_service("Geldloket Meppel", gemeente="Meppel")
    make_service("Voedselbank Meppel", gemeente="Meppel")
    assert names(likely_duplicates("Geld-loket Meppel", "Meppel")) == ["Geldloket Meppel"]
    assert names(likely_duplicates("geldlokett", "meppel")) == ["Geldloket Meppel"]
    make_service("Taalhuis Meppel", gemeente="Meppel")
    assert names(likely_duplicates("Taal-huis", "Meppel")) == ["Taalhuis Meppel"]


def test_the_place_s_own_words_and_filler_words_do_not_count(app):
    make_service("Stichting Humanitas Meppel", gemeente="Meppel")
    assert names(likely_duplicates("Humanitas", "Meppel")) == ["Stichting Humanitas Meppel"]


def test_the_same_name_in_another_place_is_not_a_duplicate_but_is_without_a_place(app):
    make_service("Geldloket", gemeente="Tynaarlo")
    assert likely_duplicates("Geldloket", "Meppel") == []
    assert names(likely_duplicates("Geldloket", None)) == ["Geldloket"]


def test_a_woonplaats_of_the_location_counts_as_the_place(app):
    service = make_service("Odensehuis", gemeente="Tynaarlo")
    service.location.woonplaats = "Zuidlaren"
    db.session.commit()
    assert names(likely_duplicates("Odensehuis", "Zuidlaren")) == ["Odensehuis"]


def test_different_names_in_the_same_place_are_not_duplicates(app):
    make_service("Wijkteam Meppel Noord", gemeente="Meppel")
    make_service("Buurthuis De Poort", gemeente="Meppel")
    assert likely_duplicates("Wijkteam Meppel Zuid", "Meppel") == []
    assert likely_duplicates("Schuldhulpverlening", "Meppel") == []


def test_archived_voorzieningen_are_left_out_by_default(app):
    service = make_service("Odensehuis Meppel", gemeente="Meppel")
    service.archived_at = utcnow()
    db.session.commit()
    assert likely_duplicates("Odensehuis", "Meppel") == []
    assert names(likely_duplicates("Odensehuis", "Meppel", among=[service])) == ["Odensehuis Meppel"]


def test_among_takes_any_items_with_a_name_and_a_place_most_alike_first(app):
    rows = [SimpleNamespace(name="Het Taalhuiss", place="Meppel"),
            SimpleNamespace(name="Taalhuis Meppel", place="Meppel"),
            SimpleNamespace(name="Taalhuis Meppel", place="Assen")]
    assert likely_duplicates("Taalhuis", "Meppel", among=rows) == [rows[1], rows[0]]
    assert likely_duplicates("", "Meppel", among=rows) == []


def test_no_demo_voorziening_is_a_likely_duplicate_of_another(demo):
    services = db.session.scalars(db.select(Service)).all()
    pairs = {(service.name, other.name) for service in services
             for other in likely_duplicates(service.name, service.gemeente) if other.id != service.id}
    assert pairs == set()
