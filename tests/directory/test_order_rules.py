"""The kaart's order over every hit at once (directory/scanning.py: arrays, a partition, only the first results
sorted) equals the ranking rules computed by brute force with Whoosh's own search (bench/bruteforce.py): who it is
for, relevance band, distance, score, name; without a place by gemeente."""
import pytest

from bench import bruteforce
from bench.main import NOW, open_at, service_query
from webapp.directory.services import search_services

SPECS = [
    {"q": "schulden", "near": "7941"},
    {"q": "hulp", "near": "Assen"},
    {"q": "ik kan mijn rekeningen niet betalen"},  # no place: by gemeente, then relevance
    {"q": "eenzaam", "near": "Meppel", "radius_km": 15},
    {"near": "7941"},  # place only: werkgebied, then nearest, then name
    {"near": "Zuidlaren", "themes": ["ontmoeten-en-eenzaamheid"]},
    {"q": "hulp", "near": "7941", "access": "vrij-inloop"},
    {"q": "dementie", "near": "Hoogeveen"},
    {},  # everything, by gemeente and name
]


@pytest.mark.parametrize("spec", SPECS, ids=lambda spec: " ".join(f"{k}={v}" for k, v in spec.items()) or "all")
def test_every_result_in_the_order_of_the_rules(demo, spec):
    searcher = demo.extensions["search_index"].searcher()
    expected = bruteforce.first_page(searcher, spec, open_at(NOW), per_page=200)
    found = search_services(service_query(spec, per_page=200), now=NOW)
    assert [item.service.id for item in found.items] == expected
    assert found.total == len(expected) > 0
