#!/usr/bin/env bash
# One entry point for the engines the tests and the distributed mode use.
#   infra/infra.sh up|down|status [engine ...]      (default: every engine)
# `npm run infra:up` etc. call this. `up` is idempotent: a running, healthy engine is left alone.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ALL_ENGINES=(postgres mosquitto kafka)
[[ -n "${PHARMATRACE_WITH_FABRIC:-1}" && "${PHARMATRACE_WITH_FABRIC:-1}" != 0 && -x "$here/fabric/fabric.sh" ]] && ALL_ENGINES+=(fabric)

cmd="${1:-status}"
shift || true
engines=("$@")
[[ ${#engines[@]} -gt 0 ]] || engines=("${ALL_ENGINES[@]}")

case "$cmd" in
  up | status)
    rc=0
    for e in "${engines[@]}"; do
      [[ -x "$here/$e/$e.sh" ]] || { echo "unknown engine: $e" >&2; exit 2; }
      if "$here/$e/$e.sh" "$cmd"; then
        [[ "$cmd" == status ]] && echo "$e: running"
      else
        rc=1
        [[ "$cmd" == status ]] && echo "$e: stopped"
        [[ "$cmd" == up ]] && { echo "$e: failed to start (see .infra/$e/*.log)" >&2; exit 1; }
      fi
    done
    exit $rc
    ;;
  down)
    # Stop in reverse order so dependants go first.
    for ((i = ${#engines[@]} - 1; i >= 0; i--)); do
      e="${engines[$i]}"
      [[ -x "$here/$e/$e.sh" ]] && "$here/$e/$e.sh" down
    done
    ;;
  *)
    echo "usage: infra/infra.sh up|down|status [engine ...]" >&2
    exit 2
    ;;
esac
