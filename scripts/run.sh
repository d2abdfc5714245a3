#!/usr/bin/env bash
# README command 1: install everything, migrate, load the demo data, build the index, serve on :8000.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ensure_venv requirements.txt
export FLASK_APP=wsgi
export BUURTKAART_DEMO=1  # demo mode: example accounts, /dev/mail for this computer, a banner on every page
# The background map: PDOK's BRT-Achtergrondkaart, unless MAP_TILE_URL is set (MAP_TILE_URL= for none at all).
export MAP_TILE_URL="${MAP_TILE_URL-https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png}"
.venv/bin/flask --app wsgi db upgrade
.venv/bin/flask --app wsgi demo load
.venv/bin/flask --app wsgi search reindex
echo "Buurtkaart draait op http://127.0.0.1:${PORT:-8000} (stoppen met Ctrl-C)"
# The access log never holds a token, a place, a point or search words (webapp/privacy/access_log.py).
exec .venv/bin/gunicorn --workers "${WORKERS:-3}" --bind "127.0.0.1:${PORT:-8000}" --access-logfile - \
  --logger-class webapp.privacy.access_log.RedactingLogger wsgi:app
