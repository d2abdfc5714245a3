#!/usr/bin/env bash
# Refresh the vendored front-end files from the npm registry (only when upgrading; the results are committed).
# Versions: static/vendor/package.json. Run: scripts/vendor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cp static/vendor/package.json "$build/"
(cd "$build" && npm install --no-audit --no-fund --ignore-scripts >/dev/null)
modules="$build/node_modules"

copy() {  # copy FILE... into DIR, keeping names
  local dir="$1"; shift
  mkdir -p "$dir"
  cp "$@" "$dir/"
}

copy static/vendor/utrecht "$modules/@utrecht/component-library-css/dist/index.css" \
  "$modules/@utrecht/component-library-css/LICENSE.md"
copy static/vendor/voorbeeld-design-tokens "$modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css" \
  "$modules/@nl-design-system-unstable/voorbeeld-design-tokens/LICENSE.md"
copy static/vendor/leaflet "$modules/leaflet/dist/leaflet.js" "$modules/leaflet/dist/leaflet.css" "$modules/leaflet/LICENSE"
copy static/vendor/leaflet/images "$modules"/leaflet/dist/images/*.png
copy static/vendor/leaflet.markercluster "$modules"/leaflet.markercluster/dist/leaflet.markercluster.js \
  "$modules"/leaflet.markercluster/dist/MarkerCluster.css "$modules"/leaflet.markercluster/dist/MarkerCluster.Default.css \
  "$modules"/leaflet.markercluster/MIT-LICENCE.txt
copy tests/vendor "$modules/axe-core/axe.min.js" "$modules/axe-core/LICENSE"

{
  echo "# Vendored front-end packages (scripts/vendor.sh, from the npm registry)"
  echo
  echo "| package | version | licence |"
  echo "|---|---|---|"
  for name in @utrecht/component-library-css @nl-design-system-unstable/voorbeeld-design-tokens leaflet leaflet.markercluster axe-core; do
    node -e "const p=require('$modules/$name/package.json'); console.log('| '+p.name+' | '+p.version+' | '+(p.license||'')+' |')"
  done
} > static/vendor/VERSIONS.md
cat static/vendor/VERSIONS.md
