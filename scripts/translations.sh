#!/usr/bin/env bash
# The interface's message catalogs (webapp/translations/<taal>/LC_MESSAGES/messages.po, compiled to .mo).
#   scripts/translations.sh update        extract every _()/_l() from webapp/ and templates/, merge into each catalog
#   scripts/translations.sh compile       write the .mo files the site reads (committed, so a fresh clone works)
#   scripts/translations.sh init <taal>   start a catalog for a new language (offered only once it is complete)
# tests/i18n/test_catalogs.py fails while a catalog has an untranslated or fuzzy message, or a stale .mo.
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel=".venv/bin/pybabel"
dir="webapp/translations"
pot="$(mktemp --suffix=.pot)"
trap 'rm -f "$pot"' EXIT
extract() { "$pybabel" extract -F babel.cfg -k _l -k lazy_gettext --add-comments=TRANSLATORS: --sort-output --project Buurtkaart -o "$pot" . 2>&1 | grep -v '^extracting messages'; }
case "${1:-}" in
  update) extract; "$pybabel" update -i "$pot" -d "$dir" --ignore-obsolete --width 120 ;;
  compile) "$pybabel" compile -d "$dir" --statistics ;;
  init) extract; "$pybabel" init -i "$pot" -d "$dir" --width 120 -l "${2:?which language, e.g. tr}" ;;
  *) sed -n '2,6p' "$0"; exit 2 ;;
esac
