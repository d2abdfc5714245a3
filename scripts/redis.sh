# A throw-away redis-server for the limiter tests: installed from Debian when missing, on 127.0.0.1 and a free
# port, nothing saved to disk. Sets TEST_REDIS_URL.

install_redis() {
  if [ ! -x /usr/bin/redis-server ]; then
    echo "redis-server ontbreekt: installeren met apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
}

start_redis() {
  install_redis
  local port
  port="$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  REDIS_DIR="$(mktemp -d /tmp/buurtkaart-redis.XXXXXX)"
  /usr/bin/redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --dir "$REDIS_DIR" \
    --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/log"
  for _ in $(seq 1 50); do
    if [ -s "$REDIS_DIR/redis.pid" ]; then break; fi
    sleep 0.1
  done
  TEST_REDIS_URL="redis://127.0.0.1:$port/0"
  export REDIS_DIR TEST_REDIS_URL
}

stop_redis() {
  if [ -n "${REDIS_DIR:-}" ] && [ -s "$REDIS_DIR/redis.pid" ]; then
    kill "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null || true
    rm -rf "$REDIS_DIR"
  fi
}
