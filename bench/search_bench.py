"""Benchmark: reindex time and /api/v1/voorzieningen latency over the demo data plus N synthetic voorzieningen.

Run: .venv/bin/python bench/search_bench.py [N]   (default 5000; a temporary SQLite database and index)
"""
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import flask_migrate  # noqa: E402

from tests.conftest import make_app  # noqa: E402
from webapp.directory.demo import load_demo  # noqa: E402
from webapp.directory.models import Location, Service, ServiceAtLocation  # noqa: E402
from webapp.extensions import db  # noqa: E402
from webapp.search.rebuild import reindex  # noqa: E402

QUERIES = ["schulden", "ik kan mijn rekeningen niet betalen", "dementie", "eenzaam", "hulp", "mantelzorg",
           "taal", "opvoeden", "voedsel", "werk"]
PLACES = ["7941", "7942 AB", "Nijeveen", "Zuidlaren", "Steenwijk"]


def add_synthetic(count, rng):
    demo = db.session.scalars(db.select(Service)).all()
    for number in range(count):
        model = rng.choice(demo)
        service = Service(slug=f"synthetisch-{number}", name=f"{model.name} {number}", gemeente=model.gemeente,
                          summary=model.summary, description=model.description, access_route=model.access_route)
        service.themes = list(model.themes)
        lat, lon = 52.6 + rng.random() * 0.6, 6.0 + rng.random() * 0.7
        service.locations.append(ServiceAtLocation(location=Location(
            gemeente=model.gemeente, latitude=lat, longitude=lon, precision="adres")))
        db.session.add(service)
    db.session.commit()


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def main(count):
    folder = Path(tempfile.mkdtemp(prefix="buurtkaart-bench-"))
    app = make_app(f"sqlite:///{folder / 'bench.db'}", folder / "index")
    with app.app_context():
        flask_migrate.upgrade()
        load_demo()
        add_synthetic(count, random.Random(7))
        documents, seconds = timed(reindex, app)
        print(f"reindex: {documents} documents in {seconds:.1f} s ({seconds / documents * 1000:.2f} ms/doc)")
        client = app.test_client()
        client.get("/api/v1/voorzieningen?q=warm")  # open the searcher and load the gazetteer
        latencies = []
        for query in QUERIES:
            for place in PLACES:
                _response, seconds = timed(lambda: client.get("/api/v1/voorzieningen",
                                                              query_string={"q": query, "near": place}))
                latencies.append(seconds * 1000)
        latencies.sort()
        p95 = latencies[int(len(latencies) * 0.95) - 1]
        print(f"api search ({len(latencies)} requests): p50 {statistics.median(latencies):.0f} ms, "
              f"p95 {p95:.0f} ms, max {latencies[-1]:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
