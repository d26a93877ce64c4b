#!/usr/bin/env bash
# Shared helpers for the engine scripts under infra/<engine>/.
# Every engine follows one contract (see infra/README.md):
#   <engine>.sh up      install if missing (cached), start on 127.0.0.1, health-check, write env file
#   <engine>.sh down    stop by the recorded pid; harmless when not running
#   <engine>.sh status  exit 0 when running and healthy, 1 otherwise
set -euo pipefail

INFRA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$INFRA_ROOT/.." && pwd)"
# Runtime state (data dirs, logs, pids, env files) lives per checkout; installs are cached per user.
STATE_ROOT="${PHARMATRACE_STATE_DIR:-$REPO_ROOT/.infra}"
CACHE_ROOT="${PHARMATRACE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pharmatrace}"
ENV_DIR="$STATE_ROOT/env"

log() { printf '[infra:%s] %s\n' "${ENGINE:-infra}" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

engine_dir() { mkdir -p "$STATE_ROOT/$ENGINE" && printf '%s' "$STATE_ROOT/$ENGINE"; }

pid_file() { printf '%s/%s.pid' "$STATE_ROOT/$ENGINE" "${1:-$ENGINE}"; }

# True when the pid recorded under the given name is a live process.
pid_alive() {
  local f pid
  f="$(pid_file "${1:-$ENGINE}")"
  [[ -s "$f" ]] || return 1
  pid="$(cat "$f")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

# Stops the process recorded under the given name: TERM, then KILL after a grace period.
stop_pid() {
  local name="${1:-$ENGINE}" grace="${2:-20}" f pid i
  f="$(pid_file "$name")"
  if ! pid_alive "$name"; then rm -f "$f"; return 0; fi
  pid="$(cat "$f")"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$f"; return 0; }
    sleep 0.1
  done
  log "pid $pid ignored TERM for ${grace}s; killing"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$f"
}

# Waits until something accepts TCP connections on 127.0.0.1:PORT.
wait_for_port() {
  local port="$1" timeout="${2:-30}" i
  for ((i = 0; i < timeout * 10; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Writes the engine's connection settings (KEY=VALUE lines) where tests and apps read them.
write_env() {
  mkdir -p "$ENV_DIR"
  printf '%s\n' "$@" >"$ENV_DIR/$ENGINE.env.tmp"
  mv "$ENV_DIR/$ENGINE.env.tmp" "$ENV_DIR/$ENGINE.env"
}

remove_env() { rm -f "$ENV_DIR/$ENGINE.env"; }

# apt-get install that refreshes the package lists only when the first attempt fails.
apt_install() {
  command -v apt-get >/dev/null || die "apt-get not found: install $* with your package manager"
  local sudo=""
  [[ "$(id -u)" == 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1 ||
    { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q --no-install-recommends "$@" >/dev/null; }
}
