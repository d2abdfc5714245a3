"""The Dutch analyzer: stemming, accents, stop words and compound splitting."""
import pytest

from webapp.search.analysis import analyse, base_analyzer, build_wordset
from webapp.search.query import build_query, synonyms_for as build_synonyms
from webapp.search.schema import build_schema
from webapp.search.vocabulary import read_shipped_groups as read_groups

WORDSET = build_wordset(["hulp bij schulden", "geld en een loket", "de bibliotheek"])


def terms(text):
    return [sorted(group) for group in analyse(base_analyzer(WORDSET), text)]


@pytest.mark.parametrize("one, other", [
    ("schulden", "schuld"), ("vrijwilligers", "vrijwilliger"), ("ouderen", "oudere"),
    ("eenzaamheid", "eenzaam"), ("begeleiding", "begeleiden"),
])
def test_word_forms_share_a_stem(one, other):
    assert terms(one) == terms(other)


def test_accents_and_case_are_folded():
    assert terms("Coördinator FINANCIËN café") == terms("coordinator financien cafe")


def test_stop_words_are_dropped():
    assert terms("ik kan mijn rekeningen niet betalen") == [["reken"], ["betal"]]


@pytest.mark.parametrize("compound, part", [
    ("Schuldhulpverlening", "hulp"), ("Schuldhulpverlening", "schuld"), ("Voedselbank", "voedsel"),
    ("Geldloket", "geld"), ("vrijwilligerswerk", "werk"), ("Mantelzorgcafé", "zorg"),
])
def test_compounds_keep_the_whole_word_and_add_their_parts(compound, part):
    [group] = terms(compound)
    assert part in group
    assert len(group) > 1


def test_words_that_only_look_like_compounds_stay_whole():
    assert terms("vrouwenopvang") == [["vrouwenopvang"]]


def test_every_word_of_a_synonym_group_is_the_same_query():
    schema = build_schema(WORDSET)
    for group in read_groups():
        queries = {word: build_query(schema, word) for word in group}
        assert len(set(queries.values())) == 1, queries


def test_a_common_word_from_a_multi_word_synonym_does_not_count_alone():
    schema = build_schema(WORDSET)
    assert "mantelzorger" not in str(build_query(schema, "zorg en welzijn"))
    assert "mantelzorger" in str(build_query(schema, "ik zorgen voor mijn moeder"))
    assert build_query(schema, "zorgen voor") == build_query(schema, "mantelzorg")


def test_synonyms_are_asked_at_query_time_not_indexed():
    """A change of the groups must count without a reindex: the index analyzer knows no synonyms."""
    schema = build_schema(WORDSET)
    assert [t.text for t in schema["body"].analyzer("schulden")] == ["schuld"]
    assert build_query(schema, "toeslagen", build_synonyms(schema, [["toeslagen", "geld"]])) == \
        build_query(schema, "geld", build_synonyms(schema, [["toeslagen", "geld"]]))


def test_the_required_synonym_groups_are_there():
    words = {word for group in read_groups() for word in group}
    required = ("geld schulden rekeningen geldzorgen betalingsachterstand formulieren papieren toeslagen huurtoeslag "
                "zorgtoeslag uitkering somber depressie neerslachtig pesten gepest rouw verlies overlijden wonen huis "
                "huur solliciteren inburgering laaggeletterdheid "
                "geld schulden rekeningen financien budget eenzaam alleen ontmoeten contact vergeetachtig geheugen "
                "dementie alzheimer mantelzorg naaste opvoeding opvoeden kinderen gezin ouders werk baan meedoen "
                "taal lezen schrijven").split()
    assert {"zorgen voor", "formulieren invullen", "brief van de belasting", "post lezen", "nederlands leren",
            "lezen en schrijven"} <= words
    assert set(required) <= words
