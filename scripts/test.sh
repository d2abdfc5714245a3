#!/usr/bin/env bash
# README command 2: install what the tests need and run the whole suite, on SQLite and on PostgreSQL.
# A throw-away PostgreSQL cluster and redis-server on 127.0.0.1 are started here and removed at the end.
# Extra arguments go to pytest (e.g. scripts/test.sh -k geocoder).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ensure_venv requirements-dev.txt
ensure_chromium
ensure_nginx
. scripts/postgres.sh
. scripts/redis.sh
start_postgres
start_redis  # the limiter's cross-worker test also runs on Redis, in the SQLite round (TEST_REDIS_URL)
trap 'stop_postgres; stop_redis' EXIT

# Tests run in parallel, one worker per core (pytest-xdist); each worker has its own databases and index folders.
WORKERS="${TEST_WORKERS:-auto}"
echo "== Tests on SQLite"
.venv/bin/python -m pytest -n "$WORKERS" "$@"
echo "== Tests on PostgreSQL ($TEST_PG_URL)"
# Migrations, services, API, index sync and beheer; the HTML rendering tests do not depend on the database,
# nor does tests/deploy (nginx and gunicorn on their own SQLite file).
TEST_DATABASE_URL="$TEST_PG_URL" TEST_REDIS_URL="" .venv/bin/python -m pytest -n "$WORKERS" -m "not browser" \
  --ignore=tests/directory/test_routes.py --ignore=tests/test_security.py \
  --ignore=tests/deploy "$@"
