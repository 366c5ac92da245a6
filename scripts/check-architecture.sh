#!/usr/bin/env bash
# Checks the house rules that the compiler cannot: simpul-domain stays pure (no database,
# HTTP or async runtime in its dependency graph) and the two migration trees mirror.
set -euo pipefail
cd "$(dirname "$0")/.."

fail=0
for dep in sqlx axum tokio; do
  out=$(cargo tree -p simpul-domain -i "$dep" -e normal,build 2>&1 || true)
  if grep -q "simpul-domain" <<<"$out"; then
    echo "FAIL: simpul-domain depends on $dep:"; echo "$out"; fail=1
  else
    echo "ok: simpul-domain does not depend on $dep"
  fi
done

for d in crates/*/migrations/sqlite; do
  pg="${d%/sqlite}/postgres"
  if ! diff <(ls "$d") <(ls "$pg") >/dev/null; then
    echo "FAIL: $d and $pg do not hold the same file names"; diff <(ls "$d") <(ls "$pg") || true; fail=1
  else
    echo "ok: $d mirrors $pg"
  fi
done
exit "$fail"
