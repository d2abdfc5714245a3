#!/usr/bin/env python3
"""First contentful paint of home and /zoeken on an emulated Fast 3G phone (Chromium's network throttling).

Starts gunicorn (2 workers) on a fresh demo database in a temporary folder, runs `flask assets build` there
unless --no-build, and loads each page cold (browser cache off) --runs times in Debian's Chromium through
Playwright; prints the median FCP and the bytes that went over the wire. Not a test: numbers for the README.

    .venv/bin/python bench/first_paint.py [--root CHECKOUT] [--no-build] [--runs 3]

--root measures another checkout (e.g. a `git worktree` of an older commit) with this script.
"""
import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
PAGES = {"home": "/", "zoeken": "/zoeken?q=schulden&plaats=7941"}
# Chromium DevTools' "Fast 3G" preset (as Lighthouse uses it): 1.6 Mbit/s down, 750 kbit/s up, each × 0.9,
# and 150 ms round trip × 3.75.
FAST_3G = {"offline": False, "latency": 562.5, "downloadThroughput": 1.6 * 1024 * 1024 / 8 * 0.9,
           "uploadThroughput": 750 * 1024 / 8 * 0.9}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=Path, default=HERE)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = _environment(Path(folder))
        _prepare(args.root, env, build=not args.no_build)
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}",
                                   "wsgi:app"], cwd=args.root, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            _wait_for(port)
            for name, path in PAGES.items():
                results = [_measure(f"http://127.0.0.1:{port}{path}") for _ in range(args.runs)]
                paints = [paint for paint, _bytes in results]
                print(f"{name:7} FCP median {statistics.median(paints):5.0f} ms  (runs: "
                      f"{', '.join(f'{p:.0f}' for p in paints)})  transferred {results[0][1] / 1024:6.1f} KB")
        finally:
            server.terminate()
            server.wait(timeout=30)


def _environment(folder):
    env = {key: value for key, value in os.environ.items() if not key.startswith("TEST_")}
    env.update(DATABASE_URL=f"sqlite:///{folder / 'bench.db'}", SEARCH_INDEX_DIR=str(folder / "index"),
               ASSETS_DIR=str(folder / "dist"), BUURTKAART_DEMO="1", SECRET_KEY="bench", MAIL_BACKEND="file",
               RATELIMIT_SQLITE_PATH=str(folder / "ratelimit.db"))
    return env


def _prepare(root, env, build):
    steps = [["db", "upgrade"], ["demo", "load"], ["search", "reindex"]] + ([["assets", "build"]] if build else [])
    for step in steps:
        subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", *step], cwd=root, env=env, check=True,
                       capture_output=True, timeout=600)


def _measure(url):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, device_scale_factor=2)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", FAST_3G)
        transferred = []
        cdp.on("Network.loadingFinished", lambda event: transferred.append(event["encodedDataLength"]))
        page.goto(url, wait_until="load")
        paint = page.evaluate("""() => new Promise(resolve => {
            const found = performance.getEntriesByName('first-contentful-paint')[0];
            if (found) return resolve(found.startTime);
            new PerformanceObserver(list => resolve(list.getEntries()[0].startTime)).observe({type: 'paint', buffered: true});
        })""")
        browser.close()
        return paint, sum(transferred)


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not start on port {port}")


if __name__ == "__main__":
    main()
