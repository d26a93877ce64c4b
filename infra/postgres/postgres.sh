#!/usr/bin/env bash
# PostgreSQL from Debian's packages: a private cluster for this checkout on 127.0.0.1:55432.
ENGINE=postgres
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

PORT="${PHARMATRACE_PG_PORT:-55432}"
DB_USER=pharmatrace
DB_PASSWORD=pharmatrace
DB_NAME=pharmatrace
DIR="$(engine_dir)"
DATA="$DIR/data"
LOG="$DIR/postgres.log"

pg_bin() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$d" ]] && printf '%s' "$d"
}

ensure_installed() {
  [[ -n "$(pg_bin)" && -x "$(pg_bin)/postgres" ]] && return 0
  log "installing postgresql from Debian packages"
  apt_install postgresql
  [[ -n "$(pg_bin)" ]] || die "postgresql installed but no server binaries under /usr/lib/postgresql"
}

# PostgreSQL refuses to run as root: as root, run its tools as the 'postgres' user the package creates.
as_db_owner() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

healthy() {
  PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -p "$PORT" -U "$DB_USER" -d "$DB_NAME" -tAc 'select 1' 2>/dev/null | grep -qx 1
}

up() {
  if pid_alive && healthy; then log "already running on 127.0.0.1:$PORT"; write_settings; return 0; fi
  ensure_installed
  local bin; bin="$(pg_bin)"
  if [[ ! -s "$DATA/PG_VERSION" ]]; then
    log "initialising a cluster in $DATA"
    mkdir -p "$DATA"
    [[ "$(id -u)" == 0 ]] && chown -R postgres:postgres "$DIR"
    local pwfile="$DIR/.pw"
    printf '%s\n' "$DB_PASSWORD" >"$pwfile"
    [[ "$(id -u)" == 0 ]] && chown postgres "$pwfile"
    as_db_owner "$bin/initdb" -D "$DATA" -U "$DB_USER" --pwfile="$pwfile" --auth-local=trust \
      --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 ||
      { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
    rm -f "$pwfile"
  fi
  port_in_use "$PORT" && die "port $PORT is taken by another process; set PHARMATRACE_PG_PORT"
  [[ "$(id -u)" == 0 ]] && chown -R postgres:postgres "$DIR"
  # fsync stays on: the kill-and-restart tests must exercise real durability.
  as_db_owner "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
    -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB" start >/dev/null ||
    { tail -n 30 "$LOG" >&2; die "postgres did not start (log: $LOG)"; }
  head -n 1 "$DATA/postmaster.pid" >"$(pid_file)"
  if ! as_db_owner psql -h "$DATA" -p "$PORT" -U "$DB_USER" -d postgres -tAc \
    "select 1 from pg_database where datname = '$DB_NAME'" | grep -qx 1; then
    as_db_owner psql -h "$DATA" -p "$PORT" -U "$DB_USER" -d postgres -qc "create database $DB_NAME" >/dev/null
  fi
  healthy || die "postgres started but a password login to $DB_NAME failed (log: $LOG)"
  write_settings
  log "ready on 127.0.0.1:$PORT"
}

write_settings() {
  write_env "DATABASE_URL=postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PORT/$DB_NAME"
}

down() {
  if pid_alive && [[ -n "$(pg_bin)" ]]; then
    as_db_owner "$(pg_bin)/pg_ctl" -D "$DATA" -m fast -w -t 30 stop >/dev/null 2>&1 || stop_pid postgres 30
  fi
  rm -f "$(pid_file)"
  remove_env
}

status() { pid_alive && healthy; }

case "${1:-status}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) die "usage: $0 up|down|status" ;;
esac
