#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests and the example site.
#
#   scripts/postgres.sh [start]   install the server if needed, create the cluster once,
#                                 start it, make role+database reseau/reseau (password
#                                 reseau, CREATEDB), print `export DATABASE_URL=...`
#   scripts/postgres.sh stop      stop the cluster
#   scripts/postgres.sh status    exit 0 when it answers on the port, 3 otherwise
#
# Only the export line goes to stdout, so `eval "$(scripts/postgres.sh)"` works;
# progress and errors go to stderr.
# Environment: RESEAU_PG_DIR (data directory, default /tmp/wagtail-reseau-pg),
#              RESEAU_PG_PORT (default 54329). The server listens on 127.0.0.1 only.
set -euo pipefail

PG_DIR="${RESEAU_PG_DIR:-/tmp/wagtail-reseau-pg}"
PG_PORT="${RESEAU_PG_PORT:-54329}"
PG_HOST=127.0.0.1
DB_NAME=reseau DB_USER=reseau DB_PASSWORD=reseau
DATABASE_URL="postgres://$DB_USER:$DB_PASSWORD@$PG_HOST:$PG_PORT/$DB_NAME"

say() { printf '[postgres] %s\n' "$*" >&2; }
die() { printf '[postgres] ERROR: %s\n' "$*" >&2; exit 1; }

# The cluster belongs to the `postgres` system user when we are root (initdb and
# the server refuse to run as root), to the current user otherwise.
if [ "$(id -u)" = 0 ]; then OWNER=postgres; else OWNER="$(id -un)"; fi

# shellcheck source=scripts/service_owner.sh
source "$(dirname "${BASH_SOURCE[0]}")/service_owner.sh"

# Newest installed server (or the one matching an existing cluster's version).
find_bindir() {
    if [ -f "$PG_DIR/PG_VERSION" ] && [ -x "/usr/lib/postgresql/$(cat "$PG_DIR/PG_VERSION")/bin/initdb" ]; then
        echo "/usr/lib/postgresql/$(cat "$PG_DIR/PG_VERSION")/bin"
        return
    fi
    local initdb
    initdb="$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)"
    [ -x "$initdb" ] && dirname "$initdb"
}

install_server() {
    [ "$(id -u)" = 0 ] || die "PostgreSQL server is not installed and we are not root to apt-get install it"
    command -v apt-get >/dev/null 2>&1 || die "PostgreSQL server is not installed and apt-get is not available"
    say "installing the Debian package postgresql (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || die "apt-get update failed"
    apt-get install -y -qq --no-install-recommends postgresql >&2 || die "apt-get install postgresql failed"
}

BINDIR="$(find_bindir || true)"

listening() { [ -n "$BINDIR" ] && "$BINDIR/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT" -t 3; }
ours_running() { [ -f "$PG_DIR/PG_VERSION" ] && as_owner "$BINDIR/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; }
app_login_ok() {
    PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=5 "$BINDIR/psql" -X -q -w -h "$PG_HOST" -p "$PG_PORT" \
        -U "$DB_USER" -d "$DB_NAME" -c 'SELECT 1' >/dev/null 2>&1
}

create_cluster() {
    say "creating a cluster in $PG_DIR (owner $OWNER)"
    if [ -e "$PG_DIR" ] && [ -n "$(ls -A "$PG_DIR" 2>/dev/null)" ]; then
        die "$PG_DIR exists, is not empty and is not a PostgreSQL cluster; remove it or set RESEAU_PG_DIR"
    fi
    mkdir -p "$PG_DIR"
    chown "$OWNER" "$PG_DIR"
    chmod 700 "$PG_DIR"
    # Local socket: trust (only the owner can enter the 0700 data dir);
    # TCP: password (scram-sha-256).
    as_owner "$BINDIR/initdb" -D "$PG_DIR" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >"$PG_DIR.initdb.log" 2>&1 \
        || { cat "$PG_DIR.initdb.log" >&2; die "initdb failed"; }
    rm -f "$PG_DIR.initdb.log"
    # Throwaway data: trade durability for speed.
    as_owner sh -c "cat >>'$PG_DIR/postgresql.conf'" <<'CONF'

# wagtail-reseau throwaway test cluster
fsync = off
synchronous_commit = off
full_page_writes = off
# 50 threads plus the test run itself (tests/events/registrations/test_concurrency.py).
max_connections = 120
CONF
}

# SQL run as the superuser over the cluster's own socket (in the data dir).
admin_psql() { as_owner "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres; }

ensure_role_and_db() {
    admin_psql >/dev/null <<SQL
SELECT 'CREATE ROLE $DB_USER' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER')\gexec
ALTER ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME')\gexec
SQL
}

cmd_start() {
    if [ -z "$BINDIR" ]; then
        install_server
        BINDIR="$(find_bindir || true)"
        [ -n "$BINDIR" ] || die "no /usr/lib/postgresql/*/bin/initdb after installing postgresql"
    fi

    if listening; then
        if ours_running; then
            say "already running: cluster $PG_DIR on $PG_HOST:$PG_PORT"
            ensure_role_and_db || die "could not create role/database $DB_USER/$DB_NAME"
        elif app_login_ok; then
            say "reusing the server already listening on $PG_HOST:$PG_PORT (not started from $PG_DIR)"
        else
            die "a server already listens on $PG_HOST:$PG_PORT but $DB_USER/$DB_PASSWORD cannot log in to $DB_NAME; stop it or set RESEAU_PG_PORT"
        fi
    else
        [ -f "$PG_DIR/PG_VERSION" ] || create_cluster
        if ours_running; then
            die "the cluster in $PG_DIR runs but does not answer on $PG_HOST:$PG_PORT (another port?); run: $0 stop"
        fi
        say "starting PostgreSQL $(cat "$PG_DIR/PG_VERSION") on $PG_HOST:$PG_PORT (log: $PG_DIR/server.log)"
        as_owner "$BINDIR/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 \
            -o "-h $PG_HOST -p $PG_PORT -k '$PG_DIR'" start >/dev/null \
            || { tail -n 20 "$PG_DIR/server.log" >&2 2>/dev/null || true; die "pg_ctl start failed"; }
        ensure_role_and_db || die "could not create role/database $DB_USER/$DB_NAME"
    fi

    app_login_ok || die "cannot log in as $DB_USER to $DB_NAME on $PG_HOST:$PG_PORT"
    say "ready: $DATABASE_URL"
    echo "export DATABASE_URL=$DATABASE_URL"
}

cmd_stop() {
    if [ -n "$BINDIR" ] && ours_running; then
        as_owner "$BINDIR/pg_ctl" -D "$PG_DIR" -m fast -w stop >/dev/null
        say "stopped ($PG_DIR)"
    else
        say "not running ($PG_DIR)"
    fi
}

cmd_status() {
    [ -n "$BINDIR" ] || { say "PostgreSQL server is not installed"; exit 3; }
    if ours_running; then say "cluster $PG_DIR is running"; else say "cluster $PG_DIR is not running"; fi
    if listening; then
        say "a server answers on $PG_HOST:$PG_PORT; DATABASE_URL=$DATABASE_URL"
    else
        say "nothing answers on $PG_HOST:$PG_PORT"
        exit 3
    fi
}

case "${1:-start}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    *) echo "usage: $0 [start|stop|status]" >&2; exit 2 ;;
esac
