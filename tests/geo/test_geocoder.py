"""What the offline geocoder understands, on the real shipped data."""
import pickle
import time

import pytest

from webapp.errors import RuleViolation
from webapp.geo import AmbiguousPlace, OfflineGeocoder, PlacedLocation, PlaceNotFound, locate
from webapp.geo.precision import ADRES, GEMEENTE, POSTCODE, STRAAT, WOONPLAATS

ZUIDEINDE_5 = (52.695209, 6.190737)
ZUIDEINDE = (52.693293, 6.190599)  # the street's centre in Meppel
HOOFDSTRAAT_5 = (52.698883, 6.189923)
PC6_7941AB = (52.698021, 6.190371)
PC4_7941 = (52.69614553356299, 6.1909683336051575)
NIJEVEEN = (52.73399, 6.166727)


def at(place, point):
    return abs(place.latitude - point[0]) < 1e-6 and abs(place.longitude - point[1]) < 1e-6


@pytest.mark.parametrize("text", [
    "Zuideinde 5, Meppel", "zuideinde 5 meppel", "ZUIDEINDE  5 ,  MEPPEL", "Zuídeinde 5 Méppel", "Zuideinde 5,Meppel",
])
def test_address_in_meppel(text):
    place = locate(text)
    assert (place.precision, place.label, place.woonplaats, place.gemeente) == (
        ADRES, "Zuideinde 5, Meppel", "Meppel", "Meppel")
    assert at(place, ZUIDEINDE_5)


@pytest.mark.parametrize("text, label, point", [
    ("Hoofdstraat 13a, Meppel", "Hoofdstraat 13A, Meppel", (52.698706, 6.189985)),
    ("hoofdstraat 13 A meppel", "Hoofdstraat 13A, Meppel", (52.698706, 6.189985)),
    ("Eendrachtstraat 2a-6, Meppel", "Eendrachtstraat 2A-6, Meppel", (52.699598, 6.18931)),
    ("Eendrachtstraat 2 A 6 Meppel", "Eendrachtstraat 2A-6, Meppel", (52.699598, 6.18931)),
    ("Galgenkampsweg 2-B, Meppel", "Galgenkampsweg 2-B, Meppel", (52.702608, 6.18484)),
    ("Galgenkampsweg 2, Meppel", "Galgenkampsweg 2, Meppel", (52.702528, 6.184774)),
])
def test_address_with_huisletter_or_toevoeging(text, label, point):
    place = locate(text)
    assert (place.precision, place.label) == (ADRES, label)
    assert at(place, point)


@pytest.mark.parametrize("text", ["7941AA 5", "7941 aa 5", "Hoofdstraat 5, 7941 AA Meppel"])
def test_postcode_and_house_number(text):
    place = locate(text)
    assert (place.precision, place.label) == (ADRES, "Hoofdstraat 5, Meppel")
    assert at(place, HOOFDSTRAAT_5)


@pytest.mark.parametrize("text", [
    "Zuideinde 9999, Meppel",
    "Zuideinde 1, Meppel",  # the BAG has Zuideinde 1A but no Zuideinde 1
    "Zuideinde 5z, Meppel",
])
def test_unknown_house_number_gives_the_street_never_a_guessed_point(text):
    place = locate(text)
    assert (place.precision, place.label) == (STRAAT, "Zuideinde, Meppel")
    assert at(place, ZUIDEINDE)


def test_unknown_house_number_on_a_known_postcode_gives_the_postcode():
    place = locate("7941 AB 9999")
    assert (place.precision, place.label) == (POSTCODE, "7941 AB Meppel")


def test_street_named_in_four_woonplaatsen_needs_its_woonplaats():
    """Zuideinde is not unique in Drenthe (Meppel, Exloo, Donderen, Westerbork)."""
    with pytest.raises(AmbiguousPlace):
        locate("Zuideinde 5")
    assert locate("Zuideinde 5", gemeente="Meppel").label == "Zuideinde 5, Meppel"


def test_a_twice_registered_address_is_placed_between_its_two_points():
    """Noteboomstraat 7 is in the BAG extract twice, 60 m apart."""
    place = locate("Noteboomstraat 7, Meppel")
    assert at(place, ((52.699206 + 52.698939) / 2, (6.191274 + 6.190532) / 2))


@pytest.mark.parametrize("text", ["7941 AB", "7941ab", "7941AB", " 7941 Ab ", "postcode 7941 AB", "7941 AB Meppel"])
def test_six_character_postcode(text):
    place = locate(text)
    assert (place.precision, place.label, place.woonplaats, place.gemeente) == (
        POSTCODE, "7941 AB Meppel", "Meppel", "Meppel")
    assert at(place, PC6_7941AB)


def test_postcode_in_two_woonplaatsen_is_the_centre_of_all_its_addresses():
    """7916 TH: 18 addresses in Elim, 1 in Hollandscheveld."""
    place = locate("7916 TH")
    assert place.label == "7916 TH Elim"
    assert at(place, ((18 * 52.672381 + 52.671069) / 19, (18 * 6.578545 + 6.592064) / 19))
    assert at(locate("7916 TH Hollandscheveld"), (52.671069, 6.592064))


def test_six_character_postcode_outside_drenthe_falls_back_to_its_pc4():
    place = locate("1011 AB")
    assert (place.precision, place.label, place.woonplaats, place.gemeente) == (POSTCODE, "postcode 1011", None, None)
    assert at(place, (52.37100582852509, 4.904132948813832))


@pytest.mark.parametrize("text", ["7941", "postcode 7941", "7941 Meppel"])
def test_four_digit_postcode(text):
    place = locate(text)
    assert (place.precision, place.label, place.woonplaats) == (POSTCODE, "postcode 7941", "Meppel")
    assert at(place, PC4_7941)


@pytest.mark.parametrize("text", ["Zuideinde, Meppel", "zuideinde meppel", "Zuideinde (Meppel)"])
def test_street_with_woonplaats(text):
    place = locate(text)
    assert (place.precision, place.label, place.gemeente) == (STRAAT, "Zuideinde, Meppel", "Meppel")
    assert at(place, ZUIDEINDE)


def test_street_in_many_woonplaatsen_asks_which():
    with pytest.raises(AmbiguousPlace) as raised:
        locate("Hoofdstraat")
    error = raised.value
    assert isinstance(error, RuleViolation)
    assert len(error.options) == 30 and {"Meppel", "Hoogeveen", "Emmen"} <= set(error.options)
    field, message = error.reasons[0]
    assert field == "near"
    assert message.startswith("De straat 'Hoofdstraat' ligt in meer plaatsen: Hoogeveen, Emmen, ")
    assert message.endswith(", … Welke plaats bedoelt u? Typ bijvoorbeeld 'Hoofdstraat, Hoogeveen'.")


def test_gemeente_restricts_streets_to_its_woonplaatsen():
    assert locate("Hoofdstraat", gemeente="Meppel").label == "Hoofdstraat, Meppel"
    with pytest.raises(AmbiguousPlace) as raised:
        locate("Wilhelminastraat", gemeente="Meppel")  # in Meppel and in Nijeveen
    assert raised.value.options == ["Meppel", "Nijeveen"]
    assert raised.value.reasons == [("near", "De straat 'Wilhelminastraat' ligt in meer plaatsen: Meppel, Nijeveen. "
                                             "Welke plaats bedoelt u? Typ bijvoorbeeld 'Wilhelminastraat, Meppel'.")]


def test_gemeente_restricts_woonplaatsen_and_addresses():
    with pytest.raises(PlaceNotFound) as raised:
        locate("Nijeveen", gemeente="Assen")
    assert raised.value.reasons == [("near", "We kennen de plaats 'Nijeveen' in de gemeente Assen niet. "
                                             "Vul een postcode (zoals 7941 AB) of een woonplaats in.")]
    assert locate("Zuideinde 5", gemeente="Meppel").label == "Zuideinde 5, Meppel"
    assert locate("Steenwijk", gemeente="Steenwijkerland").woonplaats == "Steenwijk"


def test_gemeente_does_not_restrict_a_postcode():
    assert locate("7941 AB", gemeente="Assen").label == "7941 AB Meppel"


@pytest.mark.parametrize("text, label, gemeente", [
    ("nijeveen", "Nijeveen", "Meppel"),
    ("Rogat", "Rogat", "Meppel"),
    ("'t Haantje", "'t Haantje", "Coevorden"),
    ("’t Haantje", "'t Haantje", "Coevorden"),
    ("t haantje", "'t Haantje", "Coevorden"),
    ("1e Exloërmond", "1e Exloërmond", "Borger-Odoorn"),
    ("1E EXLOERMOND", "1e Exloërmond", "Borger-Odoorn"),
    ("Nieuw-Amsterdam", "Nieuw-Amsterdam", "Emmen"),
    ("nieuw amsterdam", "Nieuw-Amsterdam", "Emmen"),
    ("nieuwamsterdam", "Nieuw-Amsterdam", "Emmen"),
    ("Steenwijk", "Steenwijk", "Steenwijkerland"),
    ("Bussum", "Bussum", "Gooise Meren"),
    ("Meppel", "Meppel", "Meppel"),
    ("Assen", "Assen", "Assen"),
    ("Tynaarlo", "Tynaarlo", "Tynaarlo"),  # the village; the gemeente is 'gemeente Tynaarlo'
])
def test_woonplaats(text, label, gemeente):
    place = locate(text)
    assert (place.precision, place.label, place.gemeente) == (WOONPLAATS, label, gemeente)


def test_woonplaats_point_is_the_centre_of_its_addresses():
    assert at(locate("Nijeveen"), NIJEVEEN)


@pytest.mark.parametrize("text, label, hoofdplaats", [
    ("De Wolden", "gemeente De Wolden", "Zuidwolde"),
    ("gooise meren", "gemeente Gooise Meren", "Bussum"),
    ("Steenwijkerland", "gemeente Steenwijkerland", "Steenwijk"),
    ("gemeente Tynaarlo", "gemeente Tynaarlo", "Vries"),
    ("Gemeente Meppel", "gemeente Meppel", "Meppel"),
])
def test_gemeente_is_placed_at_its_hoofdplaats(text, label, hoofdplaats):
    place = locate(text)
    assert (place.precision, place.label, place.woonplaats) == (GEMEENTE, label, hoofdplaats)


def test_village_cut_by_a_gemeente_border_is_one_place():
    """Ruinen: 2115 addresses in De Wolden, 87 in Westerveld, 2.3 km apart."""
    place = locate("Ruinen")
    assert (place.label, place.gemeente) == ("Ruinen", "De Wolden")
    assert at(place, ((2115 * 52.762274 + 87 * 52.783029) / 2202, (2115 * 6.361878 + 87 * 6.362923) / 2202))
    assert at(locate("Ruinen", gemeente="Westerveld"), (52.783029, 6.362923))
    assert at(locate("Ruinen, Westerveld"), (52.783029, 6.362923))


def test_two_villages_with_one_name_ask_which():
    """Alteveer in De Wolden and Alteveer in Noordenveld are 50 km apart."""
    with pytest.raises(AmbiguousPlace) as raised:
        locate("Alteveer")
    assert raised.value.options == ["Alteveer (De Wolden)", "Alteveer (Noordenveld)"]
    assert raised.value.reasons[0][1].endswith("Typ bijvoorbeeld 'Alteveer, De Wolden'.")
    for text in ("Alteveer, Noordenveld", "Alteveer (Noordenveld)", "alteveer noordenveld"):
        assert locate(text).label == "Alteveer (Noordenveld)"


def test_places_elsewhere_with_one_name():
    with pytest.raises(AmbiguousPlace) as raised:
        locate("Hengelo")
    assert raised.value.options == ["Hengelo (Gelderland)", "Hengelo (Overijssel)"]
    assert locate("Hengelo, Overijssel").label == "Hengelo (Overijssel)"
    assert locate("Berg (Stein)").label == "Berg (Stein)"  # both Bergs are in Limburg


def test_a_drenthe_woonplaats_wins_over_a_place_elsewhere():
    assert locate("Steenbergen").gemeente == "Noordenveld"
    for text in ("Steenbergen, Noord-Brabant", "Steenbergen (North Brabant)"):
        assert locate(text).label == "Steenbergen (Noord-Brabant)"


def test_a_street_named_like_a_place_is_found_with_its_woonplaats():
    """Rogat is a woonplaats and a street; 'Laan 1917' is a street whose name ends in a number."""
    assert locate("Rogat").precision == WOONPLAATS
    assert locate("Laan 1917").precision == STRAAT


@pytest.mark.parametrize("text", ["xyzzy", "Muiden", "Bibliotheek Meppel", "12345"])
def test_unknown_place(text):
    with pytest.raises(PlaceNotFound) as raised:
        locate(text)
    assert raised.value.reasons == [("near", f"We kennen de plaats '{text}' niet. "
                                             "Vul een postcode (zoals 7941 AB) of een woonplaats in.")]


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_place(text):
    with pytest.raises(PlaceNotFound) as raised:
        locate(text)
    assert raised.value.reasons == [("near", "Vul een plaats in. Vul een postcode (zoals 7941 AB) of een woonplaats in.")]


def test_geocoder_follows_geopy_conventions():
    geocoder = OfflineGeocoder()
    found = geocoder.geocode("Nijeveen")
    assert isinstance(found, PlacedLocation)
    assert found.address == found.label == "Nijeveen" and found.raw["source"] == "drenthe_woonplaatsen"
    assert geocoder.geocode("Nijeveen", exactly_one=False) == [found]
    assert geocoder.geocode("xyzzy") is None
    options = geocoder.geocode("Wilhelminastraat", exactly_one=False, gemeente="Meppel")
    assert [place.label for place in options] == ["Wilhelminastraat, Meppel", "Wilhelminastraat, Nijeveen"]


def test_a_placed_location_survives_pickling():
    """So that it can be kept in a cache between requests."""
    place = locate("Zuideinde 5, Meppel")
    copy = pickle.loads(pickle.dumps(place))
    assert copy == place
    assert (copy.label, copy.precision, copy.woonplaats, copy.gemeente) == (
        "Zuideinde 5, Meppel", ADRES, "Meppel", "Meppel")


def test_a_very_long_text_is_refused_quickly():
    started = time.monotonic()
    with pytest.raises(PlaceNotFound):
        locate("Hoofdstraat 5 " * 5000)
    assert time.monotonic() - started < 0.1
