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

source benches/common.sh
start_large_demo

SERVER_ID=$(curl -s -H "Cookie: $COOKIE" "$BASE/api/v1/arsitektur/server?q=SRV-APP-01" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
DEPENDENTS=$(curl -s -H "Cookie: $COOKIE" "$BASE/api/v1/arsitektur/item/$SERVER_ID/dampak" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')

table_header
run "peer: health check" "/healthz"
run "peer: static asset" "/static/simpul.css"
run "list: applications" "/arsitektur/aplikasi"
run "list: datasets, page 200" "/arsitektur/data?hal=200"
run "list: datasets of one PD" "/arsitektur/data?q=penduduk"
run "search" "/arsitektur/cari?q=kesehatan"
run "search, one status" "/arsitektur/cari?q=kesehatan&status=aktif"
run "search, one domain" "/arsitektur/cari?q=kesehatan&domain=data"
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
