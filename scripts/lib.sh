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

ensure_nginx() {
  # Debian's nginx (and openssl, for a self-signed certificate) for the slow-client test in tests/deploy.
  # Only the binary is used: the test runs its own nginx process on 127.0.0.1. The package would start the system
  # service right away, so a policy-rc.d that refuses it is put in place for the install (unless there is one).
  if { command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } && command -v openssl >/dev/null 2>&1; then
    return
  fi
  echo "nginx ontbreekt: installeren met apt-get"
  apt-get update -qq
  if [ -e /usr/sbin/policy-rc.d ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx openssl >/dev/null
  else
    (
      trap 'rm -f /usr/sbin/policy-rc.d' EXIT
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
      chmod +x /usr/sbin/policy-rc.d
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx openssl >/dev/null
    )
  fi
}
