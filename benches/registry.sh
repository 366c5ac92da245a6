#!/usr/bin/env bash
# Benchmark of the architecture registry (issue: list pages, search and the impact
# analysis of a heavily shared server answer with p95 < 100 ms at 20 concurrent users;
# an import of 10,000 rows takes < 10 s), on SQLite with `--demo-scale large`
# (60 PDs, 3,000 applications, 30,000 datasets, 100,000 relations).
#
# Peers measured in the same run on the same server: `/healthz` (the HTTP stack's floor)
# and a static asset, so the figures read relative to what the machine gives anyway.
#
#   benches/registry.sh            # prints a Markdown table; takes about 5 minutes
#
# Loopback only; every load loop is bounded by wrk's duration.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-20}
PORT=${PORT:-18181}
SUPER_ADMIN=198104052004051019

command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
cargo build --release -q -p simpul-cli
BIN=$PWD/target/release/simpul
DIR=$(mktemp -d)
cleanup() { [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; rm -rf "$DIR"; }
trap cleanup EXIT

start=$(date +%s)
"$BIN" serve --data-dir "$DIR" --listen "127.0.0.1:$PORT" --demo tanah-bumbu --demo-scale large >"$DIR/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 600); do grep -q "Simpul siap" "$DIR/serve.log" && break; sleep 1; done
grep -q "Simpul siap" "$DIR/serve.log" || { cat "$DIR/serve.log"; exit 1; }
echo "Large demo loaded and serving in $(( $(date +%s) - start )) s: $(grep 'Registri demo' "$DIR/serve.log")" >&2
BASE="http://127.0.0.1:$PORT"

# A browser session (cookie and CSRF token) of the super admin.
curl -s -c "$DIR/cj" -o /dev/null -H "Origin: $BASE" -d "nip=$SUPER_ADMIN&sandi=simpul-demo-2026" "$BASE/masuk"
COOKIE="simpul_sesi=$(awk '$6=="simpul_sesi"{print $7}' "$DIR/cj")"
CSRF=$(curl -s -H "Cookie: $COOKIE" "$BASE/profil" | grep -o 'name="_csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')

SERVER_ID=$(curl -s -H "Cookie: $COOKIE" "$BASE/api/v1/arsitektur/server?q=SRV-APP-01" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
DEPENDENTS=$(curl -s -H "Cookie: $COOKIE" "$BASE/api/v1/arsitektur/item/$SERVER_ID/dampak" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')

run() { # name path
  local line
  line=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Cookie: $COOKIE" -s benches/p95.lua "$BASE$2" | grep '^RESULT')
  read -r _ rps p50 p95 p99 n errors <<<"$line"
  printf '| %s | `%s` | %s | %s | %s | %s | %s |\n' "$1" "$2" "$rps" "$p50" "$p95" "$p99" "$errors"
}

echo
echo "| what | path | req/s | p50 ms | p95 ms | p99 ms | errors |"
echo "|---|---|---|---|---|---|---|"
run "peer: health check" "/healthz"
run "peer: static asset" "/static/simpul.css"
run "list: applications" "/arsitektur/aplikasi"
run "list: datasets, page 200" "/arsitektur/data?hal=200"
run "list: datasets of one PD" "/arsitektur/data?q=penduduk"
run "search" "/arsitektur/cari?q=kesehatan"
run "search, one status" "/arsitektur/cari?q=kesehatan&status=aktif"
run "impact page ($DEPENDENTS dependents)" "/arsitektur/item/$SERVER_ID/dampak"
run "impact API" "/api/v1/arsitektur/item/$SERVER_ID/dampak"

# Import of 10,000 datasets from a CSV file, all in one transaction.
python3 - "$DIR/impor.csv" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("kode,nama,pd,status,jenis_data,klasifikasi\n")
    for i in range(10000):
        f.write(f"DT-BENCH-{i:05d},Data Uji Beban {i},DINKES,aktif,basis_data,publik\n")
PY
t0=$(date +%s.%N)
status=$(curl -s -o "$DIR/impor.html" -w '%{http_code}' -H "Cookie: $COOKIE" -H "Origin: $BASE" \
  -F "berkas=@$DIR/impor.csv;type=text/csv" "$BASE/arsitektur/data/impor?_csrf=$CSRF")
t1=$(date +%s.%N)
grep -q "10.000 catatan disimpan" "$DIR/impor.html" || { echo "import failed: HTTP $status" >&2; exit 1; }
echo
printf 'Import of 10,000 rows (CSV, one transaction, every row validated and audited): %.1f s (HTTP %s)\n' "$(echo "$t1 - $t0" | bc)" "$status"
printf 'Resident memory of the server after the run: %s MiB\n' "$(( $(awk '/VmRSS/{print $2}' /proc/$PID/status) / 1024 ))"
printf 'Database size: %s MiB\n' "$(( $(du -sk "$DIR" | cut -f1) / 1024 ))"
