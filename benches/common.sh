# Shared by the benchmark scripts (sourced): build, start the large Tanah Bumbu demo on
# loopback, log in as the super admin, and measure one path with wrk.
#
# After `start_large_demo`: $BASE, $DIR (temporary data folder), $PID (server),
# $COOKIE and $CSRF (a browser session). `run NAME PATH` prints one Markdown row.

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-20}
PORT=${PORT:-18181}
SUPER_ADMIN=198104052004051019

start_large_demo() {
  command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
  cargo build --release -q -p simpul-cli
  BIN=$PWD/target/release/simpul
  DIR=$(mktemp -d)
  trap 'kill "$PID" 2>/dev/null; rm -rf "$DIR"' EXIT
  local start
  start=$(date +%s)
  "$BIN" serve --data-dir "$DIR" --listen "127.0.0.1:$PORT" --demo tanah-bumbu --demo-scale large >"$DIR/serve.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do grep -q "Simpul siap" "$DIR/serve.log" && break; sleep 1; done
  grep -q "Simpul siap" "$DIR/serve.log" || { cat "$DIR/serve.log"; exit 1; }
  echo "Large demo loaded and serving in $(( $(date +%s) - start )) s: $(grep 'Registri demo' "$DIR/serve.log")" >&2
  BASE="http://127.0.0.1:$PORT"
  curl -s -c "$DIR/cj" -o /dev/null -H "Origin: $BASE" -d "nip=$SUPER_ADMIN&sandi=simpul-demo-2026" "$BASE/masuk"
  COOKIE="simpul_sesi=$(awk '$6=="simpul_sesi"{print $7}' "$DIR/cj")"
  CSRF=$(curl -s -H "Cookie: $COOKIE" "$BASE/profil" | grep -o 'name="_csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
}

run() { # name path
  local line
  line=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Cookie: $COOKIE" -s benches/p95.lua "$BASE$2" | grep '^RESULT')
  read -r _ rps p50 p95 p99 n errors <<<"$line"
  printf '| %s | `%s` | %s | %s | %s | %s | %s |\n' "$1" "$2" "$rps" "$p50" "$p95" "$p99" "$errors"
}

table_header() {
  echo
  echo "| what | path | req/s | p50 ms | p95 ms | p99 ms | errors |"
  echo "|---|---|---|---|---|---|---|"
}
