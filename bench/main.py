"""bench/run: build the data set, measure Buurtkaart and the FTS5 reference interleaved, check the first pages
against the ranking rules (recall@20), measure writes, suggestions and HTTP, print a table, write the JSON."""
import argparse
import gc
import json
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import date, datetime, timezone
from importlib import metadata
from pathlib import Path

import flask_migrate
from sqlalchemy import select

from bench import bruteforce, dataset
from bench.http import Server, load, memory_growth, page_cache_memory, zoeken_paths
from bench.measure import cpu_timed_ms, folder_mb, rss_mb, summary, timed_ms
from bench.reference import Reference
from webapp import create_app, search
from webapp.accounts.models import User
from webapp.board.queries import post_query
from webapp.board.services import search_posts
from webapp.directory.demo import load_demo
from webapp.directory.hours import is_open
from webapp.directory.models import Schedule, ScheduleException, Service
from webapp.directory.services import ServiceQuery, search_services
from webapp.extensions import db
from webapp.posts.demo import load_voorelkaar_demo
from webapp.posts.models import HelpRequest
from webapp.posts.vocab import OPEN
from webapp.search.query import synonyms_for
from webapp.search.rebuild import reindex
from webapp.search.vocabulary import current_groups
from webapp.suggestions.ranking import suggest_offers_for

ROOT = Path(__file__).resolve().parents[1]
QUERIES = json.loads((ROOT / "bench" / "queries.json").read_text(encoding="utf-8"))
RESULTS = ROOT / "bench" / "results"
NOW = datetime(2026, 12, 2, 10, 30, tzinfo=timezone.utc)  # a Wednesday morning: about half the hours are open
MIN_RECALL = 0.95
KEYS = ("n", "reindex_s", "index_mb", "text_p95_ms", "text_geo_p95_ms", "geo_p95_ms", "typo_p95_ms",
        "suggest_p95_ms", "write_p95_ms", "index_lag_p95_ms", "recall_at_20", "fts5_text_p95_ms",
        "fts5_text_geo_p95_ms", "fts5_geo_p95_ms", "http_zoeken_rps", "http_api_rps", "http_static_rps",
        "http_page_rps", "http_zoeken_uncached_rps", "rss_mb", "rss_growth_mb")
GROUPS = ("text", "text_geo", "text_radius", "geo", "typo", "facets", "open_now", "board")


def parse(argv):
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__)
    parser.add_argument("--n", type=int, action="append", help="voorzieningen (and posts) per run; repeatable")
    parser.add_argument("--quick", action="store_true", help="N = 1,000, few rounds, short HTTP: checks keys only")
    parser.add_argument("--rounds", type=int, help="timed rounds of every query (default 7; --quick 3)")
    parser.add_argument("--no-http", action="store_true", help="skip gunicorn")
    parser.add_argument("--suggestions", type=int, help="vragen to suggest aanbod for (default 200; --quick 50)")
    parser.add_argument("--rss-searches", type=int, help="/zoeken searches a worker's memory is measured across "
                        "(default 10,000; --quick 100), at most --rss-seconds (default 600)")
    parser.add_argument("--rss-seconds", type=float, default=600.0, help="time limit of those searches")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for <date>-<N>.json")
    args = parser.parse_args(argv)
    args.n = args.n or [1000]
    if args.quick:
        args.n = [1000]
    args.rounds = args.rounds or (2 if args.quick else 7)
    args.rss_searches = args.rss_searches or (100 if args.quick else 10000)
    return args


def main(argv=None):
    args = parse(argv)
    valid = True
    for n in args.n:
        result = run(n, args)
        print_table(result)
        args.out.mkdir(parents=True, exist_ok=True)
        path = args.out / f"{date.today().isoformat()}-{n}{'-quick' if args.quick else ''}.json"
        path.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"written: {path}")
        missing = [key for key in KEYS if result.get(key) is None]
        if missing:
            print(f"MISSING KEYS: {', '.join(missing)}")
            valid = False
        if result["recall_at_20"] < MIN_RECALL or not result["totals_match"]:
            print(f"INVALID RUN: recall@20 {result['recall_at_20']} (< {MIN_RECALL}) or totals differ")
            valid = False
    return 0 if valid else 1


def make_app(folder):
    return create_app({
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.db'}", "SEARCH_INDEX_DIR": str(folder / "index"),
        "SECRET_KEY": "bench", "SITE_URL": "http://127.0.0.1", "DEMO": True, "GEOCODER": "offline",
        "MAIL_BACKEND": "file", "MAIL_DIR": str(folder / "mail"), "MAIL_SEND_INLINE": True,
        "RATELIMIT_ENABLED": False, "RATELIMIT_SQLITE_PATH": str(folder / "rl.db"),
    })


def run(n, args):
    folder = Path(tempfile.mkdtemp(prefix=f"buurtkaart-bench-{n}-"))
    try:
        app = make_app(folder)
        with app.app_context():
            return measure(app, folder, n, args)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure(app, folder, n, args):
    result = {"n": n, "date": date.today().isoformat(), "quick": args.quick, **machine()}
    started = time.perf_counter()
    flask_migrate.upgrade(directory=str(ROOT / "migrations"))
    load_demo()
    load_voorelkaar_demo()
    dataset.build(n)
    result["build_s"] = round(time.perf_counter() - started, 1)
    documents, seconds = timed_ms(reindex, app)
    result.update(documents=documents, reindex_s=round(seconds / 1000, 1), index_mb=folder_mb(folder / "index"))
    print(f"N={n}: {documents} documents indexed in {result['reindex_s']} s", flush=True)
    open_ids = open_at(NOW)
    searcher = app.extensions["search_index"].searcher()
    reference = Reference(folder / "reference.db", searcher.schema["title"].analyzer,
                          synonyms_for(searcher.schema, current_groups()))
    _, seconds = timed_ms(reference.build, index_documents(), open_ids)
    result["fts5_build_s"] = round(seconds / 1000, 1)
    result.update(compare(searcher, reference, open_ids))
    result.update(timings(reference, args.rounds))
    result.update(suggestions(args.suggestions or QUERIES["suggestions"] // (4 if args.quick else 1)))
    result.update(writes(app, QUERIES["writes"] // (4 if args.quick else 1)))
    result["bench_rss_mb"] = rss_mb()
    if not args.no_http:
        result.update(serve(app, folder, 1.0 if args.quick else 5.0, (args.rss_searches, args.rss_seconds)))
    return result


def machine():
    return {"cpu_count": os.cpu_count(), "cpu": platform.processor() or platform.machine(),
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "whoosh": metadata.version("Whoosh-Reloaded"), "platform": platform.platform()}


def open_at(moment):
    """{service id: open at `moment`} for every voorziening with hours."""
    schedules, exceptions = {}, {}
    for slot in db.session.scalars(select(Schedule)):
        schedules.setdefault(slot.service_id, []).append(slot)
    for day in db.session.scalars(select(ScheduleException)):
        exceptions.setdefault(day.service_id, []).append(day)
    return {sid: is_open(schedules.get(sid, []), exceptions.get(sid, []), moment)
            for sid in set(schedules) | set(exceptions)}


def index_documents():
    """The documents the index holds, read back from the database the way reindex does."""
    from webapp.search.rebuild import _searchable_rows
    from webapp.search.registry import document_for
    with db.session.no_autoflush:
        for row in _searchable_rows(db.session):
            yield document_for(row)


def service_query(spec, **extra):
    return ServiceQuery(text=spec.get("q", ""), near=spec.get("near", ""), radius_km=spec.get("radius_km"),
                        themes=tuple(spec.get("themes", ())), access=spec.get("access"),
                        open_now=spec.get("open_now", False), **extra)


def board_query(spec):
    return post_query(text=spec.get("q"), near=spec.get("near"), radius_km=spec.get("radius_km"))


def compare(searcher, reference, open_ids):
    """Totals and facets against the reference, the first page against the brute-force ranking."""
    recalls, agree, details = [], True, []
    for spec in QUERIES["services"]:
        found = search_services(service_query(spec), now=NOW)
        total, facets, _page = reference.search_services(spec)
        expected = bruteforce.first_page(searcher, spec, open_ids)
        shown = [item.service.id for item in found.items]
        recall = len(set(shown) & set(expected)) / len(expected) if expected else 1.0
        same = found.total == total and found.facets == facets
        agree &= same
        recalls.append(recall)
        details.append({"query": spec, "total": found.total, "fts5_total": total,
                        "facets_match": found.facets == facets, "recall_at_20": round(recall, 3),
                        "markers": len(found.markers)})
    for spec in QUERIES["posts"]:
        found = search_posts(board_query(spec))
        total, facets, _page = reference.search_posts(spec)
        agree &= found.total == total and found.facets == facets
        details.append({"query": spec, "total": found.total, "fts5_total": total,
                        "facets_match": found.facets == facets})
    return {"recall_at_20": round(min(recalls), 3), "totals_match": agree, "queries": details}


def timings(reference, rounds):
    """Every query `rounds` times, the site and the reference alternating."""
    samples, fts5 = {group: [] for group in GROUPS}, {group: [] for group in GROUPS}
    cpu = {(prefix, group): [] for prefix in ("", "fts5_") for group in GROUPS}

    def sample(prefix, group, function, *args, **kwargs):
        _result, wall_ms, cpu_ms = cpu_timed_ms(function, *args, **kwargs)
        (fts5 if prefix else samples)[group].append(wall_ms)
        cpu[prefix, group].append(cpu_ms)
    for spec in QUERIES["services"]:  # warm up: searcher, gazetteer, caches
        search_services(service_query(spec), now=NOW)
        reference.search_services(spec)
    gc.collect()
    gc.freeze()  # as a server process does after its warm-up (webapp.warm_up): the loaded index is not walked again
    for _round in range(rounds):
        for spec in QUERIES["services"]:
            sample("", spec["group"], search_services, service_query(spec), now=NOW)
            sample("fts5_", spec["group"], reference.search_services, spec)
            db.session.rollback()
        for spec in QUERIES["posts"]:
            sample("", "board", search_posts, board_query(spec))
            sample("fts5_", "board", reference.search_posts, spec)
            db.session.rollback()
    timing = {}
    for group in GROUPS:
        for prefix, found in (("", samples[group]), ("fts5_", fts5[group])):
            for name, value in summary(found).items():
                timing[f"{prefix}{group}_{name}_ms"] = value
            for name, value in summary(cpu[prefix, group]).items():
                timing[f"{prefix}{group}_cpu_{name}_ms"] = value
    return timing


def suggestions(count):
    result = {"suggest_vragen": count}
    vragen = db.session.scalars(select(HelpRequest).where(HelpRequest.status == OPEN)
                                .order_by(HelpRequest.id).limit(count)).all()
    samples = [cpu_timed_ms(suggest_offers_for, vraag)[1:] for vraag in vragen]
    for label, found in (("", [wall for wall, _cpu in samples]), ("cpu_", [cpu for _wall, cpu in samples])):
        result.update({f"suggest_{label}{name}_ms": value for name, value in summary(found).items()})
    return result


def writes(app, count):
    """A beheerder changes a voorziening's summary in a request (validation, commit, index log; with
    SEARCH_APPLY=background the index follows after it); then how long until another reader's search finds it."""
    from webapp.beheer.csv_io.export import current_data
    from webapp.directory.maintenance import update_service
    from dataclasses import replace
    actor_id = db.session.scalar(select(User.id).where(User.role == "beheerder"))
    ids = db.session.scalars(select(Service.id).where(Service.gemeente == "Meppel").order_by(Service.slug)
                             .limit(count)).all()
    write_ms, lag_ms = [], []
    for number, service_id in enumerate(ids):
        word = f"benchwoordx{number}q"
        with app.test_request_context():
            service, actor = db.session.get(Service, service_id), db.session.get(User, actor_id)
            data = replace(current_data(service), summary=f"{service.summary} {word}")
            _, took = timed_ms(update_service, actor, service, data)
        write_ms.append(took)
        lag_ms.append(_lag_until_found(service_id, word))
    return {"write_p95_ms": summary(write_ms)["p95"], "write_p50_ms": summary(write_ms)["p50"],
            "index_lag_p95_ms": summary(lag_ms)["p95"], "index_lag_p50_ms": summary(lag_ms)["p50"],
            "search_apply": app.config["SEARCH_APPLY"]}


def _lag_until_found(service_id, word, limit_s=10.0):
    start = time.perf_counter()
    while time.perf_counter() - start < limit_s:
        if any(hit.row_id == service_id for hit in search.search_kind("service", word).hits):
            return (time.perf_counter() - start) * 1000
        time.sleep(0.005)
    return limit_s * 1000


def serve(app, folder, seconds, rss_series):
    """Requests/s with the production settings (search pages kept a few seconds for visitors without a session:
    webapp/pagecache), then `/zoeken` and the memory series again with every request a search of its own."""
    db.session.remove()
    app.extensions["search_index"].close()
    found = {}
    with _server(app, folder) as server:
        for target in QUERIES["http"]:
            found.update(_loaded(server, target["name"], target["path"], seconds))
        found["rss_mb"] = server.worker_rss_mb()
        # 14 queries x 45 pages: more than PAGE_CACHE_ENTRIES (300) different pages for each of the 2 workers
        found.update(page_cache_memory(server, zoeken_paths(QUERIES["services"], pages=range(1, 46)), threads=4))
    with _server(app, folder, PAGE_CACHE_SECONDS="0") as server:
        zoeken = next(target["path"] for target in QUERIES["http"] if target["name"] == "zoeken")
        found.update(_loaded(server, "zoeken_uncached", zoeken, seconds))
        found.update(memory_growth(server, zoeken_paths(QUERIES["services"]), *rss_series, threads=4))
    return found


@contextmanager
def _server(app, folder, **settings):
    server = Server(app.config["SQLALCHEMY_DATABASE_URI"], folder / "index", folder, settings)
    try:
        yield server
    finally:
        server.stop()


def _loaded(server, name, path, seconds):
    measured = load(server.port, path, seconds, threads=4)
    return {f"http_{name}_rps": measured["rps"], f"http_{name}_p95_ms": measured["p95_ms"],
            f"http_{name}_errors": measured["errors"]}


def print_table(result):
    print(f"\nN = {result['n']:,}  ({result['documents']:,} documents; reindex {result['reindex_s']} s, "
          f"index {result['index_mb']} MB; {result['cpu_count']} CPUs)")
    print(f"{'query':<12} {'p50 ms':>8} {'p95 ms':>8} {'FTS5 p50':>9} {'FTS5 p95':>9} {'ratio':>6} "
          f"{'CPU p95':>8} {'FTS5 CPU':>8} {'ratio':>6}")
    for group in GROUPS:
        p95, ref95 = result[f"{group}_p95_ms"], result[f"fts5_{group}_p95_ms"]
        cpu95, ref_cpu95 = result[f"{group}_cpu_p95_ms"], result[f"fts5_{group}_cpu_p95_ms"]
        print(f"{group:<12} {result[f'{group}_p50_ms']:>8} {p95:>8} {result[f'fts5_{group}_p50_ms']:>9} "
              f"{ref95:>9} {_ratio(p95, ref95):>6} {cpu95:>8} {ref_cpu95:>8} {_ratio(cpu95, ref_cpu95):>6}")
    print(f"suggestions p95 {result['suggest_p95_ms']} ms (CPU {result['suggest_cpu_p95_ms']}); write p95 {result['write_p95_ms']} ms; "
          f"index lag p95 {result['index_lag_p95_ms']} ms; recall@20 {result['recall_at_20']}; "
          f"totals and facets match FTS5: {result['totals_match']}")
    if "http_zoeken_rps" in result:
        names = ("static", "page", "zoeken", "zoeken_uncached", "voor_elkaar", "api")
        print("HTTP req/s: " + ", ".join(f"{name} {result.get(f'http_{name}_rps')}" for name in names)
              + f"; worker RSS {result['rss_mb']} MB, + {result.get('rss_page_cache_mb')} MB for "
              f"{result.get('page_cache_paths')} kept pages; without the cache growing {result.get('rss_growth_mb')} "
              f"MB across {result['rss_searches']:,} searches ({result.get('rss_growth_second_half_mb')} MB in the "
              "second half)")


def _ratio(value, reference):
    return f"{value / reference:.1f}x" if value and reference else "-"


if __name__ == "__main__":
    sys.exit(main())
