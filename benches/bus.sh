#!/usr/bin/env bash
# The service bus against nginx, on loopback, in one run: the same upstream (nginx
# answering `{"ok":true}` on its own port), reached through an nginx `proxy_pass` peer
# and through the bus (release build, evidence logging and checkpoint signing on).
# Saturation with wrk, then a fixed rate of $RATE req/s with the fixed_rate example
# (latency counted from when each request was due), then the bus's resident memory.
# Prints a Markdown table. Needs root for apt-get only if nginx or wrk is missing.
#
#   benches/bus.sh                          # DURATION=15s CONNECTIONS=32 RATE=1000 FIXED_SECS=20
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
RATE=${RATE:-1000}
FIXED_SECS=${FIXED_SECS:-20}
UP_PORT=${UP_PORT:-18401}
NGINX_PORT=${NGINX_PORT:-18402}
BUS_PORT=${BUS_PORT:-18403}

if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  apt-get install -y -qq nginx-light >/dev/null 2>&1 || apt-get install -y -qq nginx >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null

cargo build --release -q -p simpul-bus --example bus_bench --example fixed_rate
EX=${CARGO_TARGET_DIR:-target}/release/examples

DIR=$(mktemp -d)
NGINX_PID= BUS_PID=
cleanup() {
  [ -n "$BUS_PID" ] && kill "$BUS_PID" 2>/dev/null && wait "$BUS_PID" 2>/dev/null
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  rm -rf "$DIR"
}
trap cleanup EXIT INT TERM

mkdir -p "$DIR/logs"
cat >"$DIR/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $DIR/nginx.pid;
error_log $DIR/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $DIR/tmp-body;
  proxy_temp_path $DIR/tmp-proxy;
  fastcgi_temp_path $DIR/tmp-fcgi;
  uwsgi_temp_path $DIR/tmp-uwsgi;
  scgi_temp_path $DIR/tmp-scgi;
  keepalive_requests 1000000;
  # The upstream both peers forward to.
  server {
    listen 127.0.0.1:$UP_PORT;
    location / { default_type application/json; return 200 '{"ok":true}'; }
  }
  upstream hulu { server 127.0.0.1:$UP_PORT; keepalive 64; }
  # The peer: a plain reverse proxy with pooled upstream connections.
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://hulu;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
CONF
"$NGINX" -p "$DIR" -c "$DIR/nginx.conf" &
NGINX_PID=$!
"$EX/bus_bench" --listen "127.0.0.1:$BUS_PORT" --upstream "http://127.0.0.1:$UP_PORT" \
  --evidence "$DIR/bukti" >"$DIR/bus.log" 2>&1 &
BUS_PID=$!
for _ in $(seq 1 100); do
  curl -sf -o /dev/null "http://127.0.0.1:$UP_PORT/" && grep -q "bus siap" "$DIR/bus.log" && break
  sleep 0.1
done
grep -q "bus siap" "$DIR/bus.log" || { cat "$DIR/bus.log"; exit 1; }

UP="http://127.0.0.1:$UP_PORT/BENCH/ok/v1/"
NG="http://127.0.0.1:$NGINX_PORT/BENCH/ok/v1/"
BUS="http://127.0.0.1:$BUS_PORT/BENCH/ok/v1/"
KEY="X-Api-Key: bench-key"
curl -sf -H "$KEY" "$BUS" | grep -q '"ok"' || { echo "bus does not forward" >&2; cat "$DIR/bus.log"; exit 1; }

saturate() { # url [header]
  local h=()
  [ $# -gt 1 ] && h=(-H "$2")
  wrk -t2 -c"$CONNECTIONS" -d3s "${h[@]}" "$1" >/dev/null # warm-up
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "${h[@]}" -s benches/p95.lua "$1" | grep '^RESULT'
}
fixed() { # url [header]
  "$EX/fixed_rate" "$@" | grep '^RESULT'
}

read -r _ ng_rps ng_p50 _ ng_p99 ng_n ng_err <<<"$(saturate "$NG")"
read -r _ bus_rps bus_p50 _ bus_p99 bus_n bus_err <<<"$(saturate "$BUS" "$KEY")"
read -r _ _ up_f50 up_f99 up_fmax _ up_ferr <<<"$(fixed "$UP" "$RATE" "$FIXED_SECS")"
read -r _ _ ng_f50 ng_f99 ng_fmax _ ng_ferr <<<"$(fixed "$NG" "$RATE" "$FIXED_SECS")"
read -r _ _ bus_f50 bus_f99 bus_fmax _ bus_ferr <<<"$(fixed "$BUS" "$RATE" "$FIXED_SECS" "X-Api-Key:bench-key")"
rss=$(awk '/VmRSS/{print $2}' "/proc/$BUS_PID/status")
hwm=$(awk '/VmHWM/{print $2}' "/proc/$BUS_PID/status")
ng_rss=$(ps -o rss= --ppid "$NGINX_PID" | awk '{s+=$1} END {print s}')

kill "$BUS_PID"; wait "$BUS_PID" 2>/dev/null || true; BUS_PID=
verify=$("$EX/bus_bench" --verify "$DIR/bukti")

echo
echo "Service bus vs nginx, loopback, $(nproc) cores shared by load generator, peers and upstream; wrk -t2 -c$CONNECTIONS -d$DURATION; fixed rate $RATE req/s for ${FIXED_SECS}s."
echo
echo "| path | req/s (saturated) | p50 ms | p99 ms | errors | p50 ms @ $RATE/s | p99 ms @ $RATE/s | max ms @ $RATE/s | errors @ $RATE/s |"
echo "|---|---|---|---|---|---|---|---|---|"
echo "| upstream direct (nginx \`return 200\`) | - | - | - | - | $up_f50 | $up_f99 | $up_fmax | $up_ferr |"
echo "| nginx \`proxy_pass\` | $ng_rps | $ng_p50 | $ng_p99 | $ng_err | $ng_f50 | $ng_f99 | $ng_fmax | $ng_ferr |"
echo "| simpul bus (evidence + signing on) | $bus_rps | $bus_p50 | $bus_p99 | $bus_err | $bus_f50 | $bus_f99 | $bus_fmax | $bus_ferr |"
echo
awk -v b="$bus_rps" -v n="$ng_rps" -v bf="$bus_f99" -v uf="$up_f99" -v nf="$ng_f99" -v rss="$rss" -v hwm="$hwm" -v ngr="$ng_rss" 'BEGIN {
  printf "- throughput bus / nginx: **%.0f %%** (target >= 50 %%)\n", 100 * b / n
  printf "- added p99 at the fixed rate, bus over upstream direct: **%.2f ms** (target < 2 ms); nginx over upstream direct: %.2f ms\n", bf - uf, nf - uf
  printf "- bus resident memory after the runs: **%.1f MiB** (peak %.1f MiB; target < 100 MB); nginx workers: %.1f MiB\n", rss / 1024, hwm / 1024, ngr / 1024
}'
echo "- evidence log after shutdown: $verify"
