#!/usr/bin/env bash
# Kafka from Maven Central: one KRaft node (broker + controller) on 127.0.0.1:19092 / :19093.
#   jars     $CACHE_ROOT/kafka/<version>/lib   (collected by Maven from pom.xml, once)
#   state    $STATE_ROOT/kafka/{data,server.properties,kafka.log,kafka.pid,maven.log}
#   env      $ENV_DIR/kafka.env                (KAFKA_BROKERS=127.0.0.1:19092)
ENGINE=kafka
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

HERE="$INFRA_ROOT/kafka"
PORT="${PHARMATRACE_KAFKA_PORT:-19092}"
CONTROLLER_PORT="${PHARMATRACE_KAFKA_CONTROLLER_PORT:-19093}"
START_TIMEOUT="${PHARMATRACE_KAFKA_START_TIMEOUT:-90}"
BROKERS="127.0.0.1:$PORT"
DIR="$(engine_dir)"
DATA="$DIR/data"
LOG="$DIR/kafka.log"
MVN_LOG="$DIR/maven.log"
CONF="$DIR/server.properties"

# The pinned version lives in one place: the kafka.version property of pom.xml.
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$HERE/pom.xml" | head -n 1)"
[[ -n "$KAFKA_VERSION" ]] || die "no <kafka.version> in $HERE/pom.xml"
INSTALL="$CACHE_ROOT/kafka/$KAFKA_VERSION"
LIB="$INSTALL/lib"
MARKER="$INSTALL/.complete"

# Modest heap for a 2-core test box; G1 with few GC threads, fail fast on OOM.
JVM_OPTS=(
  -Xms256m -Xmx512m
  -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
  -XX:ParallelGCThreads=2 -XX:ConcGCThreads=1 -XX:CICompilerCount=2
  -XX:MetaspaceSize=96m -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError
  -XX:ErrorFile="$DIR/hs_err_pid%p.log"
  -Djava.awt.headless=true -Dfile.encoding=UTF-8 -Dlog4j2.shutdownHookEnabled=false
  -Dlog4j2.configurationFile="$HERE/log4j2.properties"
)
# The storage tool is a short one-shot: start it as cheaply as possible.
TOOL_OPTS=(-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dlog4j2.configurationFile="$HERE/log4j2.properties")

file_hash() { sha256sum "$1" | cut -d' ' -f1; }

# Collects the runtime classpath with Maven into the cache, once per pom.xml content.
# The marker is written last, so an interrupted or failed download is simply retried.
ensure_installed() {
  local want; want="$(file_hash "$HERE/pom.xml")"
  if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$want" ]] && compgen -G "$LIB/kafka_2.13-$KAFKA_VERSION.jar" >/dev/null; then
    return 0
  fi
  command -v java >/dev/null || die "java not found: install a JDK 17+"
  command -v mvn >/dev/null || die "mvn not found: install Maven 3.8+"
  log "collecting Kafka $KAFKA_VERSION jars from Maven Central into $LIB (log: $MVN_LOG)"
  mkdir -p "$INSTALL"
  rm -f "$MARKER"
  # Leftovers of an interrupted run (the lock below makes sure none is still in progress).
  rm -rf "$INSTALL"/lib.tmp.*
  local tmp="$INSTALL/lib.tmp.$$"
  if ! mvn -B -q -ntp -f "$HERE/pom.xml" -Dmaven.repo.local="$CACHE_ROOT/kafka/m2" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" >"$MVN_LOG" 2>&1; then
    rm -rf "$tmp"
    # Maven 3.8 writes colour resets even in batch mode: strip them from what we show.
    tail -n 30 "$MVN_LOG" | sed $'s/\e\\[[0-9;]*m//g' >&2
    die "Maven could not collect the Kafka jars (full log: $MVN_LOG)"
  fi
  [[ -f "$tmp/kafka_2.13-$KAFKA_VERSION.jar" ]] || { rm -rf "$tmp"; die "Maven ran but kafka_2.13-$KAFKA_VERSION.jar is missing (log: $MVN_LOG)"; }
  rm -rf "$LIB"
  mv "$tmp" "$LIB"
  printf '%s\n' "$want" >"$MARKER"
  log "installed $(find "$LIB" -name '*.jar' | wc -l) jars ($(du -sh "$LIB" | cut -f1))"
}

# True when the recorded pid is alive AND is our broker (a stale pid reused by another process is not).
ours() {
  pid_alive || return 1
  grep -qa 'kafka\.Kafka' "/proc/$(cat "$(pid_file)")/cmdline" 2>/dev/null
}

# Who listens on a port, for the error message (best effort).
who_listens() {
  command -v ss >/dev/null || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\(.*\)))/\1/p' | head -n 1
}

render_config() {
  local line out=()
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line//@BROKER_PORT@/$PORT}"
    line="${line//@CONTROLLER_PORT@/$CONTROLLER_PORT}"
    line="${line//@DATA_DIR@/$DATA}"
    out+=("$line")
  done <"$HERE/server.properties.template"
  printf '%s\n' "${out[@]}" >"$CONF.tmp"
  mv "$CONF.tmp" "$CONF"
}

# Formats the data dir once (KRaft needs a cluster id and a meta.properties before the first start).
ensure_formatted() {
  [[ -s "$DATA/meta.properties" ]] && return 0
  local cluster_id
  mkdir -p "$DATA"
  cluster_id="$(java "${TOOL_OPTS[@]}" -cp "$LIB/*" kafka.tools.StorageTool random-uuid 2>>"$LOG" | tail -n 1)"
  [[ "$cluster_id" =~ ^[A-Za-z0-9_-]{22}$ ]] || { tail -n 20 "$LOG" >&2; die "could not generate a cluster id (log: $LOG)"; }
  log "formatting $DATA (cluster id $cluster_id)"
  java "${TOOL_OPTS[@]}" -cp "$LIB/*" kafka.tools.StorageTool format -t "$cluster_id" -c "$CONF" --ignore-formatted >>"$LOG" 2>&1 ||
    { tail -n 20 "$LOG" >&2; die "kafka storage format failed (log: $LOG)"; }
}

# healthy SECONDS [--quiet]: the produce/consume round trip of healthcheck.cjs, bounded in time.
healthy() {
  node "$HERE/healthcheck.cjs" --brokers "$BROKERS" --timeout "${1:-20}" "${@:2}" >&2
}

write_settings() { write_env "KAFKA_BROKERS=$BROKERS"; }

# Refuses to start when something that is not our broker holds one of our ports.
check_ports_free() {
  local p who
  for p in "$PORT" "$CONTROLLER_PORT"; do
    if port_in_use "$p"; then
      who="$(who_listens "$p")"
      die "port $p on 127.0.0.1 is taken by a process that is not this checkout's Kafka${who:+ ($who)}; stop it or set PHARMATRACE_KAFKA_PORT / PHARMATRACE_KAFKA_CONTROLLER_PORT"
    fi
  done
}

start() {
  render_config
  [[ -f "$LOG" ]] && mv -f "$LOG" "$LOG.1"
  : >"$LOG"
  ensure_formatted

  log "starting Kafka $KAFKA_VERSION on $BROKERS (log: $LOG)"
  local launcher=()
  # A session of its own: Ctrl-C or the end of the calling terminal does not take the broker down.
  command -v setsid >/dev/null && launcher=(setsid)
  # 9>&- : the broker must not inherit the lock below, or the next `up` would wait for it forever.
  "${launcher[@]}" java "${JVM_OPTS[@]}" -cp "$LIB/*" kafka.Kafka "$CONF" </dev/null >>"$LOG" 2>&1 9>&- &
  echo $! >"$(pid_file)"

  local t0=$SECONDS
  until port_in_use "$PORT"; do
    ours || { tail -n 40 "$LOG" >&2; die "Kafka exited during startup (log: $LOG)"; }
    ((SECONDS - t0 < START_TIMEOUT)) || { tail -n 40 "$LOG" >&2; stop_pid kafka 10; die "Kafka did not open port $PORT within ${START_TIMEOUT}s (log: $LOG)"; }
    sleep 0.2
  done
  local left=$((START_TIMEOUT - (SECONDS - t0)))
  ((left >= 10)) || left=10
  if ! healthy "$left"; then
    tail -n 40 "$LOG" >&2
    stop_pid kafka 10
    die "Kafka is listening but failed the produce/consume health check (log: $LOG)"
  fi
  log "ready on $BROKERS in $((SECONDS - t0))s"
}

up() {
  if ours; then
    # Running: a quick round trip decides. Give a broker that is still starting some time.
    if healthy 15 --quiet; then
      write_settings
      log "already running on $BROKERS"
      return 0
    fi
    log "recorded pid $(cat "$(pid_file)") is alive but unhealthy: restarting it"
    stop_pid kafka 30
  else
    rm -f "$(pid_file)"
  fi
  check_ports_free
  command -v node >/dev/null || die "node not found: the health check needs Node.js"
  node "$HERE/healthcheck.cjs" --preflight || die "the health check cannot run: install the repo's npm packages first"
  ensure_installed
  start
  write_settings
}

down() {
  if ours; then
    log "stopping pid $(cat "$(pid_file)")"
    stop_pid kafka 30
  fi
  # A stale pid file (dead process, or a pid now used by something else) is just removed.
  rm -f "$(pid_file)"
  remove_env
}

status() { ours && port_in_use "$PORT"; }

# One up/down at a time per checkout: concurrent `up`s must not start two brokers.
if [[ "${1:-status}" != status ]] && command -v flock >/dev/null; then
  exec 9>"$DIR/.lock"
  flock -w 300 9 || die "another infra/kafka/kafka.sh is still running (lock $DIR/.lock)"
fi

case "${1:-status}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) die "usage: $0 up|down|status" ;;
esac
