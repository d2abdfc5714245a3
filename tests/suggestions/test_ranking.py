"""Ranking of suggested matches: text similarity, category, distance, time, and who is never suggested."""
from datetime import date

import pytest

from tests.factories import make_post
from tests.suggestions.conftest import COMPUTER, offer
from webapp.extensions import db
from webapp.matching.models import Match
from webapp.suggestions import candidates
from webapp.suggestions.ranking import suggest_offers_for, suggest_requests_for

COMPUTER_TEXT = ("Computerhulp aan huis", "Ik help met uw computer, tablet en e-mail.")
OTHER_TEXT = ("Allerlei klusjes", "Ik heb tijd over en kom graag langs.")


def titles(suggestions):
    return [suggestion.post.title for suggestion in suggestions]


def test_text_similarity_changes_the_order(vraag, accounts):
    # Same category; the computer text is the farther one (0,5 km against 0,2 km) and sorts later by title.
    far = offer(accounts["inwoner_b"], title=COMPUTER_TEXT[0], description=COMPUTER_TEXT[1], place="7942 AB")
    near = offer(accounts["coordinator"], title=OTHER_TEXT[0], description=OTHER_TEXT[1], place="7941 BC")
    suggestions = suggest_offers_for(vraag)
    assert titles(suggestions) == [COMPUTER_TEXT[0], OTHER_TEXT[0]]
    assert suggestions[0].factors["text"] == 1.0 > suggestions[1].factors["text"]
    assert suggestions[0].factors["distance"] < suggestions[1].factors["distance"]

    # Swap the texts: the order swaps with them.
    far.title, far.description, near.title, near.description = (*OTHER_TEXT, *COMPUTER_TEXT)
    db.session.commit()
    assert titles(suggest_offers_for(vraag)) == [COMPUTER_TEXT[0], OTHER_TEXT[0]]
    assert [s.post.id for s in suggest_offers_for(vraag)] == [near.id, far.id]


def test_a_suggestion_needs_text_or_category(vraag, accounts):
    offer(accounts["inwoner_b"], title="Tuinieren", description="Ik maai uw gras.", categories="tuin")
    offer(accounts["coordinator"], title="Klussen", description="Ik repareer uw computer.", categories="klussen-in-huis")
    offer(accounts["beheerder"], title="Allerlei", description="Ik kom graag langs.")
    by_title = {s.post.title: s for s in suggest_offers_for(vraag)}
    assert sorted(by_title) == ["Allerlei", "Klussen"]  # not "Tuinieren": only near, with nothing in common
    assert by_title["Klussen"].factors["category"] == 0 < by_title["Klussen"].factors["text"]


@pytest.mark.parametrize("status", ["concept", "wacht_op_controle", "ingetrokken", "verlopen", "gekoppeld"])
def test_posts_that_are_not_open_never_appear(vraag, accounts, status):
    offer(accounts["inwoner_b"], title="Niet open", description=COMPUTER_TEXT[1], status=status)
    offer(accounts["coordinator"], title="Open", description=COMPUTER_TEXT[1])
    assert titles(suggest_offers_for(vraag)) == ["Open"]


def test_own_aanbod_never_appears(vraag, accounts):
    offer(accounts["inwoner"], title="Mijn eigen aanbod", description=COMPUTER_TEXT[1])
    offer(accounts["inwoner_b"], title="Van de buurvrouw", description=COMPUTER_TEXT[1])
    assert titles(suggest_offers_for(vraag)) == ["Van de buurvrouw"]


def test_aanbod_out_of_the_travel_radius_never_appears(vraag, accounts):
    offer(accounts["inwoner_b"], title="Nijeveen, 3 km", place="Nijeveen", travel_km=3)  # 4,3 km away
    offer(accounts["coordinator"], title="Nijeveen, 5 km", place="Nijeveen", travel_km=5)
    assert titles(suggest_offers_for(vraag)) == ["Nijeveen, 5 km"]


def test_helpers_already_in_contact_are_left_out(vraag, accounts):
    offer(accounts["inwoner_b"], title="Al in contact")
    offer(accounts["coordinator"], title="Nog niet in contact")
    db.session.add(Match(request_id=vraag.id, helper_id=accounts["inwoner_b"].id, gemeente="Meppel",
                         status="geannuleerd", started_by="helper"))
    db.session.commit()
    assert titles(suggest_offers_for(vraag)) == ["Nog niet in contact"]


def test_a_vraag_that_is_not_open_gets_no_suggestions(vraag, accounts):
    offer(accounts["inwoner_b"])
    assert len(suggest_offers_for(vraag)) == 1
    vraag.status = "ingetrokken"
    db.session.commit()
    assert suggest_offers_for(vraag) == []


def test_reasons_name_the_scored_factors_in_the_order_of_their_weight(accounts):
    saturday = date(2031, 5, 10)
    vraag = make_post("hulpvraag", author=accounts["inwoner"], title="Wie haalt mijn medicijnen op",
                      categories="boodschappen", when_kind="datum", date_from=saturday)
    offer(accounts["inwoner_b"], title="Ik fiets graag", categories="boodschappen", place="Rogat", travel_km=10,
          availability="ma-ochtend,za-middag")
    [suggestion] = suggest_offers_for(vraag)
    assert suggestion.reasons == ["zelfde categorie", "5 km", "kan op zaterdag"]  # public points; exact: 5,5
    assert suggestion.distance_km == 5.0
    assert suggestion.factors["text"] == 0


def test_reasons_with_text_and_several_days(vraag, accounts):
    offer(accounts["inwoner_b"], title=COMPUTER_TEXT[0], description=COMPUTER_TEXT[1],
          availability="za-middag,ma-ochtend,ma-avond")
    [suggestion] = suggest_offers_for(vraag)
    assert suggestion.reasons == ["de tekst past erbij", "zelfde categorie", "0,5 km", "kan op maandag en zaterdag"]


def test_no_time_reason_when_the_days_do_not_meet(accounts):
    tuesday, thursday = date(2031, 5, 6), date(2031, 5, 8)
    vraag = make_post("hulpvraag", author=accounts["inwoner"], title="Wie haalt mijn medicijnen op",
                      categories="boodschappen", when_kind="periode", date_from=tuesday, date_until=thursday)
    offer(accounts["inwoner_b"], title="Zaterdag", categories="boodschappen", availability="za-middag")
    offer(accounts["coordinator"], title="Woensdag", categories="boodschappen", availability="wo-avond,zo-ochtend")
    by_title = {s.post.title: s for s in suggest_offers_for(vraag)}
    assert by_title["Zaterdag"].reasons == ["zelfde categorie", "0,5 km"]
    assert by_title["Woensdag"].reasons == ["zelfde categorie", "0,5 km", "kan op woensdag"]
    assert titles(suggest_offers_for(vraag)) == ["Woensdag", "Zaterdag"]


def test_the_reverse_direction_suggests_vragen_for_an_aanbod(vraag, accounts):
    aanbod = offer(accounts["inwoner_b"], title=COMPUTER_TEXT[0], description=COMPUTER_TEXT[1], travel_km=5)
    other = make_post("hulpvraag", author=accounts["coordinator"], title="Wie helpt mij in de tuin",
                      categories=COMPUTER, place="7942 AB")
    make_post("hulpvraag", author=accounts["inwoner_b"], title="Mijn eigen computer", categories=COMPUTER)
    make_post("hulpvraag", author=accounts["beheerder"], title="Computer in Rogat", categories=COMPUTER, place="Rogat")
    make_post("hulpvraag", author=accounts["beheerder"], title="Computer, concept", categories=COMPUTER, status="concept")
    suggestions = suggest_requests_for(aanbod)
    assert [s.post.id for s in suggestions] == [vraag.id, other.id]
    assert suggestions[0].reasons[:2] == ["de tekst past erbij", "zelfde categorie"]

    db.session.add(Match(request_id=vraag.id, offer_id=aanbod.id, helper_id=accounts["inwoner_b"].id,
                         gemeente="Meppel", status="voorgesteld", started_by="coordinator"))
    db.session.commit()
    assert [s.post.id for s in suggest_requests_for(aanbod)] == [other.id]


def test_the_distance_shown_is_measured_between_the_public_points(accounts):
    """The exact points are 1,06 km apart (1 km rounded); a page or the API says what the public points give
    (1,5 km): a distance from exact points, even rounded, narrows down where someone lives."""
    vraag = make_post("hulpvraag", author=accounts["inwoner"], title="Hulp met mijn computer", place="7944 AB",
                      categories=COMPUTER)
    near = offer(accounts["inwoner_b"], title="Computerhulp", place="Albert Toriedreef 5, Meppel")
    [suggestion] = suggest_offers_for(vraag)
    assert suggestion.post.id == near.id
    assert suggestion.distance_km == 1.5 and "1,5 km" in suggestion.reasons
    [back] = suggest_requests_for(near)
    assert back.distance_km == 1.5



def test_the_text_is_measured_against_the_best_aanbod_in_reach(vraag, accounts):
    """Only posts within reach are scored: a better text out of reach neither shows nor lowers the best in reach."""
    offer(accounts["coordinator"], title="Hulp met uw computer en e-mail", description=vraag.description,
          place="Assen", travel_km=40)  # 41,8 km away
    offer(accounts["inwoner_b"], title=COMPUTER_TEXT[0], description=COMPUTER_TEXT[1], place="7942 AB")
    offer(accounts["beheerder"], title="Tablet uitleg", description="Ik leg uw tablet uit.", place="Hoogeveen",
          travel_km=20)  # 19,6 km away
    suggestions = suggest_offers_for(vraag)
    assert titles(suggestions) == [COMPUTER_TEXT[0], "Tablet uitleg"]
    assert suggestions[0].factors["text"] == 1.0


def test_aanbod_far_away_with_a_wide_travel_radius_is_found(vraag, accounts):
    offer(accounts["inwoner_b"], title="Assen, 42 km", place="Assen", travel_km=42)  # 41,8 km away
    offer(accounts["coordinator"], title="Assen, 41 km", place="Assen", travel_km=41)
    assert titles(suggest_offers_for(vraag)) == ["Assen, 42 km"]


@pytest.fixture
def two_candidates(monkeypatch):
    monkeypatch.setattr(candidates, "CANDIDATES", 2)


def test_only_the_nearest_candidates_in_reach_are_considered(vraag, accounts, two_candidates):
    """More aanbod in reach than CANDIDATES: the farthest is left out, however well its text fits, and the text's 1
    is the best of the nearest."""
    offer(accounts["beheerder"], title=COMPUTER_TEXT[0], description=vraag.description, place="Rogat",
          travel_km=10)  # 5,5 km away
    offer(accounts["inwoner_b"], title="Tablet uitleg", description="Ik leg uw tablet uit.", place="7941 BC")
    offer(accounts["coordinator"], title=OTHER_TEXT[0], description=OTHER_TEXT[1], place="7942 AB")
    suggestions = suggest_offers_for(vraag)
    assert titles(suggestions) == ["Tablet uitleg", OTHER_TEXT[0]]
    assert suggestions[0].factors["text"] == 1.0

    candidates.CANDIDATES = 3  # all three in reach are considered: the best text comes first
    assert titles(suggest_offers_for(vraag)) == [COMPUTER_TEXT[0], "Tablet uitleg", OTHER_TEXT[0]]


def test_posts_that_can_never_be_suggested_take_no_candidate_place(vraag, accounts, two_candidates):
    offer(accounts["inwoner"], title="Mijn eigen aanbod", place="7941 BC")  # the vraag's author
    offer(accounts["inwoner_b"], title="Al in contact", place="7941 BC")
    offer(accounts["beheerder"], title="Te klein bereik", place="Rogat", travel_km=5)  # 5,5 km away
    offer(accounts["coordinator"], title="Nijeveen", place="Nijeveen", travel_km=10)  # 4,3 km away
    offer(accounts["coordinator"], title="Assen", place="Assen", travel_km=42)  # 41,8 km: the widest ring
    db.session.add(Match(request_id=vraag.id, helper_id=accounts["inwoner_b"].id, gemeente="Meppel",
                         status="voorgesteld", started_by="helper"))
    db.session.commit()
    assert titles(suggest_offers_for(vraag)) == ["Nijeveen", "Assen"]


def test_the_vragen_of_an_aanbod_come_from_the_nearest_in_its_radius(vraag, accounts, two_candidates):
    aanbod = offer(accounts["inwoner_b"], title=COMPUTER_TEXT[0], description=COMPUTER_TEXT[1], travel_km=10)
    make_post("hulpvraag", author=accounts["inwoner_b"], title="Mijn eigen computer", categories=COMPUTER)
    near = make_post("hulpvraag", author=accounts["coordinator"], title="Hulp met de computer", categories=COMPUTER,
                     place="7942 AB")
    far = make_post("hulpvraag", author=accounts["beheerder"], title="Hulp met mijn computer en e-mail",
                    categories=COMPUTER, place="Nijeveen")  # 4,3 km away
    assert {s.post.id for s in suggest_requests_for(aanbod)} == {vraag.id, near.id}  # not the own vraag

    candidates.CANDIDATES = 3
    assert {s.post.id for s in suggest_requests_for(aanbod)} == {vraag.id, near.id, far.id}
