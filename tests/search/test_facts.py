"""The facts column: what a search reads of every hit without stored fields, and a rebuild by several processes."""
import pytest

from tests.factories import make_service
from webapp import search
from webapp.directory.services import ServiceQuery, search_services
from webapp.search import index as search_index
from webapp.search.rebuild import reindex


def test_a_hit_carries_its_facts_from_the_column(app):
    service = make_service("Schuldhulp Meppel", point=(52.6956, 6.1937), precision="adres",
                           themes=("geld-en-schulden",), access_route="vrij-inloop")
    [hit] = search.search_kind("service", "schuldhulp").hits
    assert hit.row_id == service.id and hit.score > 0
    assert hit.facts.title == "Schuldhulp Meppel" and hit.facts.slug == service.slug
    assert hit.facts.point == (52.6956, 6.1937) and hit.facts.precision == "adres"
    assert hit.facts.themes == {"geld-en-schulden"} and hit.facts.access == "vrij-inloop"
    assert hit.facts.gemeente == "Meppel" and hit.facts.area == {"meppel"}


def test_hits_are_best_first_unless_the_caller_orders_them(demo):
    ordered = search.search_kind("service", "schulden").hits
    assert [hit.score for hit in ordered] == sorted((hit.score for hit in ordered), reverse=True)
    unordered = search.search_kind("service", "schulden", ordered=False).hits
    assert sorted(hit.row_id for hit in unordered) == sorted(hit.row_id for hit in ordered)


def test_a_rebuild_by_several_processes_finds_the_same(demo, monkeypatch):
    def first_pages():
        return [[item.service.id for item in search_services(query).items]
                for query in (ServiceQuery(text="schulden", near="7941"), ServiceQuery(near="Assen"),
                              ServiceQuery(text="eenzaam", near="7941", radius_km=10))]
    before = first_pages()
    monkeypatch.setattr(search_index, "PROCS_FROM", 1)
    monkeypatch.setattr(search_index.os, "cpu_count", lambda: 2)
    reindex(demo)
    assert len(demo.extensions["search_index"].searcher().reader().leaf_readers()) >= 2  # one segment a process
    assert first_pages() == before


def test_a_server_process_warms_up_before_its_first_request(demo):
    import gc

    from webapp import warm_up
    from webapp.search import facts
    facts._segments.clear()
    try:
        warm_up(demo)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    searcher = demo.extensions["search_index"].searcher()
    assert searcher._buurtkaart_facts and searcher._buurtkaart_kinds["service"]


def test_scoring_only_some_rows_gives_their_scores_of_the_whole_search(demo):
    added = make_service("Schulden en geldzaken Meppel", point=(52.6956, 6.1937))  # in a segment of its own
    hits = search.search_kind("service", "schulden geld").hits
    asked = [hit.row_id for hit in hits[::3]] + [added.id]
    not_matching = search.search_kind("service", "").hits
    unmatched = next(hit.row_id for hit in not_matching if hit.row_id not in {h.row_id for h in hits})
    scores = search.score_rows("service", "schulden geld", [*asked, unmatched, "onbekend"])
    assert scores == pytest.approx({hit.row_id: hit.score for hit in hits if hit.row_id in asked})
    assert added.id in scores and len(scores) == len(set(asked)) > 2
    assert search.score_rows("hulpvraag", "schulden geld", asked) == {}  # another kind's rows are not scored
