# A throw-away PostgreSQL cluster for the tests: installed from Debian when missing, run as the postgres user,
# listening on 127.0.0.1 only. Sets TEST_PG_URL.

pg_bindir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

install_postgres() {
  if [ -z "$(pg_bindir)" ]; then
    echo "PostgreSQL ontbreekt: installeren met apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
}

start_postgres() {
  install_postgres
  local bindir port
  bindir="$(pg_bindir)"
  port="$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  PG_DIR="$(mktemp -d /tmp/buurtkaart-pg.XXXXXX)"
  chown postgres "$PG_DIR"
  runuser -u postgres -- "$bindir/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 >/dev/null
  runuser -u postgres -- "$bindir/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off" start >/dev/null
  runuser -u postgres -- "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres buurtkaart_test
  TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/buurtkaart_test"
  export PG_DIR TEST_PG_URL
}

stop_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    runuser -u postgres -- "$(pg_bindir)/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null || true
    rm -rf "$PG_DIR"
  fi
}
