# Shared by scripts/run.sh and scripts/test.sh.

ensure_venv() {
  # A venv in .venv with the given requirements file installed (quietly; pip skips what is there).
  local requirements="$1"
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
}

ensure_chromium() {
  # Debian's Chromium for the browser tests (Playwright's own browser download does not work here).
  if [ ! -x /usr/bin/chromium ]; then
    echo "Chromium ontbreekt: installeren met apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
}
