#!/usr/bin/env bash
# Give this machine a running PostgreSQL server for Simpul's tests, and print its URL.
#
#   export SIMPUL_TEST_PG_URL="$(scripts/start-postgres.sh)"
#   cargo test -p simpul-store
#
# Debian (12 ships PostgreSQL 15), run as root or with sudo; works without systemd (CI
# containers) and is safe to run again: it installs only what is missing, starts the
# cluster only if it is down, and (re)sets the `simpul` role's password. The URL is the
# only line written to stdout; progress goes to stderr.
set -euo pipefail

ROLE=simpul
PASSWORD=simpul
PORT=5432

log() { printf 'start-postgres: %s\n' "$*" >&2; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo)
    else
        log "run as root (or install sudo)"
        exit 1
    fi
fi

# Run a command as the `postgres` system user.
as_postgres() {
    if command -v runuser >/dev/null 2>&1; then
        "${SUDO[@]}" runuser -u postgres -- "$@"
    else
        "${SUDO[@]}" su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
}

# 1. Install, only when the server binaries are missing (no apt-get update otherwise).
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    log "installing postgresql"
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update >&2
    "${SUDO[@]}" apt-get install -y --no-install-recommends postgresql >&2
fi

# 2. The newest installed major version, and its cluster `main` (created if absent;
#    postinst does not create one when the install ran in some container setups).
VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if [ -z "$VERSION" ]; then
    log "no PostgreSQL version found under /usr/lib/postgresql"
    exit 1
fi
clusters="$(pg_lsclusters -h | awk '{print $1" "$2}')"
if ! grep -qx "$VERSION main" <<<"$clusters"; then
    log "creating cluster $VERSION/main"
    "${SUDO[@]}" pg_createcluster --port "$PORT" "$VERSION" main >&2
fi

# 3. Start it, unless it is already running.
status="$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $4}')"
if [ "$status" != "online" ]; then
    log "starting cluster $VERSION/main"
    "${SUDO[@]}" pg_ctlcluster "$VERSION" main start >&2
fi
CLUSTER_PORT="$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $3}')"

# 4. Wait until it accepts connections (pg_ctlcluster waits too; this covers a race with
#    a start begun by someone else).
for _ in $(seq 1 30); do
    if as_postgres psql -p "$CLUSTER_PORT" -qAtc 'SELECT 1' >/dev/null 2>&1; then
        break
    fi
    sleep 1
done
as_postgres psql -p "$CLUSTER_PORT" -qAtc 'SELECT 1' >/dev/null

# 5. The test role: login with a password, allowed to create the per-test databases.
as_postgres psql -p "$CLUSTER_PORT" -v ON_ERROR_STOP=1 -q >&2 <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
        CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
    ELSE
        ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
    END IF;
END
\$\$;
SQL

URL="postgres://$ROLE:$PASSWORD@127.0.0.1:$CLUSTER_PORT/postgres"

# 6. Prove the URL works over TCP with the password (pg_hba: scram-sha-256 on 127.0.0.1).
if ! psql "$URL" -qAtc 'SELECT 1' >/dev/null 2>&1; then
    log "PostgreSQL is running but $URL does not accept a password login; check pg_hba.conf"
    exit 1
fi
log "PostgreSQL $VERSION ready"
echo "$URL"
