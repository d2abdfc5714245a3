"""Bad input gets a Dutch message on the form and stores nothing."""
from datetime import date, timedelta

import pytest

from tests.factories import make_post
from tests.posts.helpers import SOON, all_posts, offer_form, reload, request_form
from webapp.posts.vocab import OPEN, REQUEST

PAST = date.today() - timedelta(days=1)

BAD_REQUESTS = [
    ({"place": "Xyzzyplaats"}, "We kennen de plaats"),
    ({"place": ""}, "Vul een postcode of adres in."),
    ({"place": "De Wolden"}, "niet alleen de gemeente"),
    ({"title": ""}, "Vul een titel in."),
    ({"title": "   "}, "Vul een titel in."),
    ({"category": "drugs"}, "Ongeldige keuze"),
    ({"when_kind": "datum", "date_from": PAST}, "Deze datum is al voorbij."),
    ({"when_kind": "datum"}, "Vul een datum in."),
    ({"when_kind": "periode", "date_from": SOON, "date_until": SOON - timedelta(days=1)},
     "De einddatum ligt voor de begindatum."),
    ({"when_kind": "periode", "date_from": SOON}, "Vul in tot wanneer."),
    ({"date_from": "morgen", "when_kind": "datum"}, "Ongeldige datum"),
    ({"for_whom": "ander"}, "Vul de naam in van degene die u helpt."),
    ({"for_whom": "ander", "behalf_name": "Mevrouw Jansen", "behalf_relation": "mantelzorger",
      "contact_choice": "hulpvrager"}, "Vul een telefoonnummer of e-mailadres in."),
    ({"for_whom": "ander", "behalf_name": "Mevrouw Jansen", "behalf_relation": "mantelzorger",
      "contact_choice": "hulpvrager", "contact_name": "J", "contact_email": "geen-adres"}, "Vul een geldig e-mailadres in"),
    ({"title": "x" * 121}, "120"),
]
BAD_OFFERS = [
    ({"travel_km": "0"}, "Kies een afstand van 1 tot 50 km."),
    ({"travel_km": "500"}, "Kies een afstand van 1 tot 50 km."),
    ({"travel_km": ""}, "Vul in hoeveel kilometer."),
    ({"travel_km": "vijf"}, "Ongeldig getal"),
    ({"categories": ["tuin", "wapens"]}, "Kies een of meer onderwerpen uit de lijst."),
    ({"categories": None}, "Kies een of meer onderwerpen uit de lijst."),
    ({"availability": ["ma-ochtend", "ma-nacht"]}, "Kies dagdelen uit het rooster."),
    ({"availability": ["<script>"]}, "Kies dagdelen uit het rooster."),
    ({"availability": None}, "Kies minstens één dagdeel"),
    ({"place": "Xyzzyplaats"}, "We kennen de plaats"),
]


@pytest.mark.parametrize("overrides, message", BAD_REQUESTS)
def test_a_bad_request_is_refused_in_dutch(client, login, overrides, message):
    login("inwoner")
    response = client.post("/voor-elkaar/hulpvraag/nieuw", data=request_form(**overrides))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert message in page and "Er ging iets mis. Verbeter dit:" in page
    assert all_posts() == []


@pytest.mark.parametrize("overrides, message", BAD_OFFERS)
def test_a_bad_offer_is_refused_in_dutch(client, login, overrides, message):
    login("inwoner")
    response = client.post("/voor-elkaar/hulpaanbod/nieuw", data=offer_form(**overrides))
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert all_posts() == []


def test_every_problem_is_shown_at_once(client, login):
    login("inwoner")
    page = client.post("/voor-elkaar/hulpaanbod/nieuw", data=offer_form(
        travel_km="0", availability=["zz"], place="Xyzzyplaats")).get_data(as_text=True)
    assert "Kies een afstand" in page and "Kies dagdelen" in page and "We kennen de plaats" in page


def test_a_bad_edit_changes_nothing(client, login):
    author = login("inwoner")
    post = make_post(REQUEST, author=author, status=OPEN, title="Oud")
    response = client.post(f"/voor-elkaar/mijn/{post.id}/bewerken",
                           data=request_form(title="Nieuw", when_kind="datum", date_from=PAST))
    assert "Deze datum is al voorbij." in response.get_data(as_text=True)
    post = reload(post)
    assert (post.title, post.pending_changes, post.when_kind) == ("Oud", None, "flexibel")


def test_a_period_that_started_keeps_its_start_date_when_edited(client, login):
    author = login("inwoner")
    post = make_post(REQUEST, author=author, status="concept", when_kind="periode", date_from=PAST,
                     date_until=SOON)
    client.post(f"/voor-elkaar/mijn/{post.id}/bewerken", data=request_form(
        title="Nieuw", when_kind="periode", date_from=PAST, date_until=SOON, save="1", send=None))
    assert reload(post).title == "Nieuw"


def test_a_post_that_is_no_longer_editable_is_not_edited(client, login):
    author = login("inwoner")
    post = make_post(REQUEST, author=author, status="ingetrokken", title="Oud")
    response = client.post(f"/voor-elkaar/mijn/{post.id}/bewerken", data=request_form(title="Nieuw"),
                           follow_redirects=True)
    assert "Dit bericht kunt u niet meer bewerken." in response.get_data(as_text=True)
    assert reload(post).title == "Oud"
