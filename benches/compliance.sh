#!/usr/bin/env bash
# Benchmark of the compliance view (issue 6: the full compliance status of the
# `--demo-scale large` region for a date computes in under 1 s; the summary page answers
# with p95 < 150 ms), SQLite, 20 concurrent users, loopback only; wrk bounds every loop.
#
#   benches/compliance.sh          # prints a Markdown table; takes about 3 minutes
set -euo pipefail
cd "$(dirname "$0")/.."
source benches/common.sh
start_large_demo

# One cold request for a date nothing has cached: the whole evaluation.
for per in 2026-01-01 2025-06-30; do
  t=$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $COOKIE" "$BASE/kepatuhan?per=$per")
  echo "Full compliance status as of $per (one request, gather + evaluate + render): ${t} s" >&2
done
DINKES=$(curl -s -H "Cookie: $COOKIE" "$BASE/api/v1/pd" | python3 -c 'import json,sys; print([p["id"] for p in json.load(sys.stdin) if p["kode"]=="DINKES"][0])')

table_header
run "peer: health check" "/healthz"
run "peer: static asset" "/static/simpul.css"
run "compliance summary" "/kepatuhan"
run "compliance of one PD" "/kepatuhan/pd/$DINKES"
run "one obligation (3,000 applications)" "/kepatuhan/kewajiban/audit-aplikasi-khusus"
run "calendar feed" "/kepatuhan/kalender.ics"
