"""bench/run --quick runs inside the suite so the benchmark cannot rot: it must finish, agree with the FTS5
reference and the ranking rules (else it exits 1), and write every key the README's "Prestaties" names.
Speeds are not checked here (no timed tests); the targets live in bench/results."""
import json
import os
import subprocess
from pathlib import Path

import pytest

from bench.main import KEYS

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(bool(os.environ.get("TEST_DATABASE_URL")),
                                reason="the benchmark builds its own SQLite database; once per suite is enough")


def test_the_quick_benchmark_writes_every_key(tmp_path):
    finished = subprocess.run([str(ROOT / "bench" / "run"), "--quick", "--out", str(tmp_path)], cwd=ROOT,
                              capture_output=True, text=True, timeout=180)
    assert finished.returncode == 0, finished.stdout[-3000:] + finished.stderr[-3000:]
    [written] = tmp_path.glob("*-1000-quick.json")
    result = json.loads(written.read_text())
    assert [key for key in KEYS if result.get(key) is None] == []
    assert result["n"] == 1000 and result["documents"] > 2000
    assert result["recall_at_20"] >= 0.95 and result["totals_match"] is True
    assert all(query["total"] == query["fts5_total"] for query in result["queries"])
    assert "text" in finished.stdout and "FTS5" in finished.stdout  # the table
