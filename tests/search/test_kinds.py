"""Several kinds in one search (search/kinds.py, as arrays) answer as a search of each kind does: the same hits and
scores in index order, the same suggestion ("Bedoelde u ...?", which may differ by kind) and count, also within a box."""
import pytest

from tests.board.helpers import board_posts
from tests.factories import make_post, make_service
from webapp import geo, search
from webapp.search import kinds
from webapp.posts.vocab import OFFER, REQUEST

KINDS = (REQUEST, OFFER, "service")
EELDE_BOX = geo.bounding_box((53.1353, 6.5621), 3)  # one grid cell of the documents


@pytest.fixture
def documents(app):
    board_posts()
    make_post(REQUEST, place="Nijeveen", title="Wie helpt met de tuin en het gras maaien?", categories="tuin")
    make_post(OFFER, place="Rogat", title="Ik maai uw gras", categories="tuin")
    make_post(REQUEST, place="Eelde", title="Boodschappen in Eelde")
    make_post(REQUEST, title="Wie gaat met mij naar de kapper?", categories="tuin")
    make_post(OFFER, title="Ik help met bomen kappen", categories="tuin")
    make_service("Tuinhulp Meppel", summary="Hulp in de tuin en boodschappen")


def answer(found):
    """(document number, row id, score, facts) of every hit in index order, the suggestion and the count."""
    if isinstance(found, kinds.Matches):
        hits = [(docnum, found.facts[docnum].row_id, score, found.facts[docnum])
                for docnum, score in zip(found.docnums.tolist(), found.scores.tolist())]
    else:
        hits = [(hit.docnum, hit.row_id, hit.score, hit.facts) for hit in found.hits]
    return hits, found.suggestion, found.matched


TEXTS = ("boodschappen", "tuin gras", "", "dokter", "boodschapen", "snoeein", "kappef", "xqzwv")


@pytest.mark.parametrize("box", [None, EELDE_BOX])
def test_each_kind_answers_as_its_own_search(documents, box):
    for text in TEXTS:
        together = search.search_kinds(KINDS, text, box=box)
        assert list(together) == list(KINDS)
        for kind in KINDS:
            assert answer(together[kind]) == answer(search.search_kind(kind, text, ordered=False, box=box)), text
    typo = search.search_kinds(KINDS, "kappef", box=box)  # each kind its own word
    assert (typo[REQUEST].suggestion, typo[OFFER].suggestion) == ("kapper", "kappen")
    found = search.search_kinds(KINDS, "boodschappen", box=box)[REQUEST]  # only the hits in the box, all counted
    assert (len(found.docnums), found.matched) == ((1, 2) if box else (2, 2))
