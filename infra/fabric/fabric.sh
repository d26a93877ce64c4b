#!/usr/bin/env bash
# Hyperledger Fabric 2.5, natively (no Docker): 1 orderer (etcdraft, single consenter, channel
# participation, no system channel) and 2 organisations with 1 peer each (LevelDB, TLS), channel
# `pharmatrace`, chaincode `pharma-custody` run as a service (ccaas) by a Node process.
#
#   fabric.sh up              build binaries (cached), crypto, start, channel, chaincode, health-check
#   fabric.sh down            stop chaincode server, peers, orderer by pid; keep crypto and ledgers
#   fabric.sh status          exit 0 when every process is alive, both peers serve the channel and the
#                             chaincode, and service discovery sees both peers (gateway-ready)
#   fabric.sh reset           down, then wipe crypto, ledgers and chaincode package (fresh network)
#   fabric.sh restart-peer org1|org2   stop and start one peer by pid, wait until it serves again
#
#   binaries  $CACHE_ROOT/fabric/<version>/bin      peer orderer osnadmin configtxgen cryptogen discover
#             $CACHE_ROOT/fabric/<version>/config   core.yaml, orderer.yaml from the module's sampleconfig
#   state     $STATE_ROOT/fabric/                   crypto/ config/ orderer/ peer-org1/ peer-org2/
#                                                   channel/ chaincode/, *.log, *.pid
#   env       $ENV_DIR/fabric.env                   FABRIC_* (see write_settings)
#
# Ports (127.0.0.1 only): orderer 17050 (admin 17053, operations 17443); peer0.org1 17051
# (chaincode 17052, operations 17444); peer0.org2 27051 (chaincode 27052, operations 27444);
# chaincode server 17999. See infra/fabric/README.md.
ENGINE=fabric
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

HERE="$INFRA_ROOT/fabric"
# Absolute paths: Fabric resolves relative ones against its config dir, not the working directory.
DIR="$(cd "$(engine_dir)" && pwd)"

# --- Version ------------------------------------------------------------------------------------
# Fabric's go.mod says `module github.com/hyperledger/fabric` (no /v2), so its v2.x tags are not Go
# module versions: a release is fetched by its commit, as a pseudo-version (base v1.4.0-rc1, the
# newest v0/v1 tag among its ancestors). Which pseudo-versions the module proxy serves depends on
# the proxy: the one this project reaches serves v2.5.9's and refuses v2.5.16's (403), so v2.5.9 is
# the default. PHARMATRACE_FABRIC_VERSION=v2.5.16 selects the newer one where it is served.
FABRIC_VERSION="${PHARMATRACE_FABRIC_VERSION:-v2.5.9}"
case "$FABRIC_VERSION" in
  v2.5.9) default_module_version=v1.4.0-rc1.0.20240618194258-7c3876255bf0 ;;
  v2.5.16) default_module_version=v1.4.0-rc1.0.20260617221605-f871cf92a026 ;;
  *) default_module_version="" ;;
esac
FABRIC_MODULE_VERSION="${PHARMATRACE_FABRIC_MODULE_VERSION:-$default_module_version}"
[[ -n "$FABRIC_MODULE_VERSION" ]] ||
  die "unknown Fabric version $FABRIC_VERSION: set PHARMATRACE_FABRIC_MODULE_VERSION to its commit or pseudo-version"
mkdir -p "$CACHE_ROOT/fabric/$FABRIC_VERSION"
INSTALL="$(cd "$CACHE_ROOT/fabric/$FABRIC_VERSION" && pwd)"
BIN="$INSTALL/bin"
SAMPLECONFIG="$INSTALL/config"
MARKER="$INSTALL/.complete"
TOOLS=(peer orderer osnadmin configtxgen cryptogen discover)

# --- Network layout -----------------------------------------------------------------------------
CHANNEL=pharmatrace
CC_NAME=pharma-custody
CC_LABEL=pharma-custody
CC_VERSION=1
CC_ADDRESS=127.0.0.1:17999
ORGS=(org1 org2)
ORDERER_PORT=17050
ORDERER_ADMIN_PORT=17053
ORDERER_OPS_PORT=17443
BATCH_TIMEOUT="${PHARMATRACE_FABRIC_BATCH_TIMEOUT:-200ms}"
MAX_MESSAGE_COUNT="${PHARMATRACE_FABRIC_MAX_MESSAGE_COUNT:-500}"
# Empty = the channel's default, /Channel/Application/Endorsement = MAJORITY of the organisations'
# peers (both, with two). Any --signature-policy expression, e.g. "OR('Org1MSP.peer','Org2MSP.peer')".
CC_POLICY="${PHARMATRACE_FABRIC_ENDORSEMENT_POLICY:-}"
START_TIMEOUT="${PHARMATRACE_FABRIC_START_TIMEOUT:-90}"
# Once every process runs, how long the channel and the chaincode get to answer.
HEALTH_TIMEOUT="${PHARMATRACE_FABRIC_HEALTH_TIMEOUT:-30}"
LOGGING_SPEC="${PHARMATRACE_FABRIC_LOGGING_SPEC:-info}"
# The nodes' default log format, without the terminal colour codes.
LOGGING_FORMAT='%{time:2006-01-02 15:04:05.000 MST} [%{module}] %{shortfunc} -> %{level:.4s} %{id:03x} %{message}'
# Health query through each peer into the chaincode: every fabric-contract-api chaincode answers
# its system contract's GetMetadata (it needs a working JSON serializer: see README, class-transformer).
DEFAULT_HEALTH_QUERY='{"Args":["org.hyperledger.fabric:GetMetadata"]}'
HEALTH_QUERY="${PHARMATRACE_FABRIC_HEALTH_QUERY:-$DEFAULT_HEALTH_QUERY}"

# The chaincode server: a command run with bash in FABRIC_CHAINCODE_DIR, with CORE_CHAINCODE_ID (the
# package id) and CORE_CHAINCODE_ADDRESS (127.0.0.1:17999) in its environment. It is exec'd, so
# keep it one command (wrap anything longer in a script). Default: fabric-shim's
# `fabric-chaincode-node server`, which loads the package.json `main` of FABRIC_CHAINCODE_DIR.
CC_DIR="${FABRIC_CHAINCODE_DIR:-$REPO_ROOT/chaincode/pharma-custody}"
CC_CMD="${FABRIC_CHAINCODE_CMD:-}"

CRYPTO="$DIR/crypto"
CONFIG="$DIR/config"
BLOCK="$DIR/channel/$CHANNEL.block"
PKG_DIR="$DIR/chaincode"
PKG="$PKG_DIR/$CC_LABEL.tgz"
CLI_LOG="$DIR/cli.log"
BUILD_LOG="$DIR/build.log"

ORDERER_ORG="$CRYPTO/ordererOrganizations/example.com"
ORDERER_NODE="$ORDERER_ORG/orderers/orderer.example.com"
ORDERER_ADMIN="$ORDERER_ORG/users/Admin@example.com"
ORDERER_TLS_CA="$ORDERER_NODE/tls/ca.crt"

org_num() { printf '%s' "${1#org}"; }
msp_id() { printf 'Org%sMSP' "$(org_num "$1")"; }
org_crypto() { printf '%s/peerOrganizations/%s.example.com' "$CRYPTO" "$1"; }
peer_host() { printf 'peer0.%s.example.com' "$1"; }
peer_node() { printf '%s/peers/%s' "$(org_crypto "$1")" "$(peer_host "$1")"; }
peer_port() { printf '%s7051' "$(org_num "$1")"; }
peer_cc_port() { printf '%s7052' "$(org_num "$1")"; }
peer_ops_port() { printf '%s7444' "$(org_num "$1")"; }
peer_tls_ca() { printf '%s/tls/ca.crt' "$(peer_node "$1")"; }
user_msp() { printf '%s/users/%s@%s.example.com/msp' "$(org_crypto "$1")" "$2" "$1"; }
user_cert() { printf '%s/signcerts/%s@%s.example.com-cert.pem' "$(user_msp "$1" "$2")" "$2" "$1"; }
user_key() { printf '%s/keystore/priv_sk' "$(user_msp "$1" "$2")"; }
valid_org() { [[ " ${ORGS[*]} " == *" $1 "* ]]; }

# --- Install ------------------------------------------------------------------------------------
installed() {
  [[ -f "$MARKER" && "$(cat "$MARKER")" == "$FABRIC_MODULE_VERSION" ]] || return 1
  local t
  for t in "${TOOLS[@]}"; do [[ -x "$BIN/$t" ]] || return 1; done
  [[ -s "$SAMPLECONFIG/core.yaml" && -s "$SAMPLECONFIG/orderer.yaml" ]]
}

find_go() {
  local g
  for g in "${GO:-}" "$(command -v go 2>/dev/null || true)" /usr/local/go/bin/go; do
    [[ -n "$g" && -x "$g" ]] && { printf '%s' "$g"; return 0; }
  done
  return 1
}

# Builds the five binaries from the Go module proxy, once per version. `go install pkg@version`
# cannot be used: it looks up the module's deprecation through its version list, which the proxy
# refuses for this module. A throwaway module that requires Fabric builds the same packages with the
# same dependency versions. The marker is written last: an interrupted build is simply redone.
ensure_installed() {
  installed && return 0
  local go_bin src tmp dir t
  go_bin="$(find_go)" || die "go not found (Go 1.22+ builds Fabric $FABRIC_VERSION): install Go or set GO=/path/to/go"
  log "building Fabric $FABRIC_VERSION (${TOOLS[*]}) from the Go module proxy into $BIN"
  log "this takes a few minutes on 2 cores, once (log: $BUILD_LOG)"
  mkdir -p "$INSTALL"
  rm -f "$MARKER"
  src="$INSTALL/src"
  tmp="$INSTALL/bin.tmp.$$"
  rm -rf "$src" "$tmp"
  mkdir -p "$src"
  printf 'module pharmatrace.local/fabric-binaries\n\ngo 1.21\n\nrequire github.com/hyperledger/fabric %s\n' \
    "$FABRIC_MODULE_VERSION" >"$src/go.mod"
  local pkgs=()
  for t in "${TOOLS[@]}"; do pkgs+=("github.com/hyperledger/fabric/cmd/$t"); done
  local t0=$SECONDS
  if ! (cd "$src" && GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-mod=mod GOBIN="$tmp" \
    "$go_bin" install -ldflags "-X github.com/hyperledger/fabric/common/metadata.Version=${FABRIC_VERSION#v}" \
    "${pkgs[@]}") >"$BUILD_LOG" 2>&1; then
    rm -rf "$tmp"
    tail -n 30 "$BUILD_LOG" >&2
    die "building Fabric $FABRIC_VERSION failed (log: $BUILD_LOG)"
  fi
  dir="$(cd "$src" && GOTOOLCHAIN=local GOFLAGS=-mod=mod "$go_bin" mod download -json \
    "github.com/hyperledger/fabric@$FABRIC_MODULE_VERSION" 2>>"$BUILD_LOG" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [[ -n "$dir" && -s "$dir/sampleconfig/core.yaml" ]] || { rm -rf "$tmp"; die "no sampleconfig in the Fabric module (log: $BUILD_LOG)"; }
  mkdir -p "$SAMPLECONFIG"
  cp "$dir/sampleconfig/core.yaml" "$dir/sampleconfig/orderer.yaml" "$SAMPLECONFIG/"
  chmod u+w "$SAMPLECONFIG"/*.yaml # the module cache is read-only
  rm -rf "$BIN"
  mv "$tmp" "$BIN"
  printf '%s\n' "$FABRIC_MODULE_VERSION" >"$MARKER"
  log "built Fabric $FABRIC_VERSION in $((SECONDS - t0))s"
}

# --- Crypto and configuration ---------------------------------------------------------------------
ensure_crypto() {
  [[ -f "$CRYPTO/.complete" ]] && return 0
  log "generating crypto material (cryptogen) into $CRYPTO"
  rm -rf "$CRYPTO" "$CRYPTO.tmp"
  "$BIN/cryptogen" generate --config="$HERE/crypto-config.yaml" --output="$CRYPTO.tmp" >>"$CLI_LOG" 2>&1 ||
    { tail -n 20 "$CLI_LOG" >&2; die "cryptogen failed (log: $CLI_LOG)"; }
  mv "$CRYPTO.tmp" "$CRYPTO"
  : >"$CRYPTO/.complete"
}

# Per-node config dirs: the sample core.yaml / orderer.yaml with the few keys that environment
# variables cannot set. Everything else is set by environment in start_orderer / start_peer.
render_configs() {
  local org line out=()
  mkdir -p "$CONFIG" "$DIR/orderer" "$DIR/channel" "$PKG_DIR"
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line//@CRYPTO@/$CRYPTO}"
    line="${line//@ORDERER_PORT@/$ORDERER_PORT}"
    line="${line//@ORG1_PORT@/$(peer_port org1)}"
    line="${line//@ORG2_PORT@/$(peer_port org2)}"
    line="${line//@BATCH_TIMEOUT@/$BATCH_TIMEOUT}"
    line="${line//@MAX_MESSAGE_COUNT@/$MAX_MESSAGE_COUNT}"
    out+=("$line")
  done <"$HERE/configtx.yaml.template"
  printf '%s\n' "${out[@]}" >"$CONFIG/configtx.yaml"
  cp "$SAMPLECONFIG/orderer.yaml" "$DIR/orderer/orderer.yaml"
  for org in "${ORGS[@]}"; do
    mkdir -p "$DIR/peer-$org"
    # vm.endpoint must be empty: with a Docker endpoint the 2.5 peer waits for Docker forever, and an
    # empty environment variable does not override it (viper ignores empty values).
    sed -e 's#^\([[:space:]]*endpoint:\)[[:space:]]*unix:///var/run/docker.sock.*$#\1 ""#' \
      "$SAMPLECONFIG/core.yaml" >"$DIR/peer-$org/core.yaml"
    grep -q 'endpoint: unix:///var/run/docker.sock' "$DIR/peer-$org/core.yaml" &&
      die "could not empty vm.endpoint in $DIR/peer-$org/core.yaml"
  done
  return 0
}

# --- Processes --------------------------------------------------------------------------------------
# True when the pid recorded under NAME is alive and its command line contains PATTERN (a pid
# reused by an unrelated process is not ours).
ours() {
  local name="$1" pattern="${2:-}"
  pid_alive "$name" || return 1
  [[ -z "$pattern" ]] && return 0
  tr '\0' ' ' <"/proc/$(cat "$(pid_file "$name")")/cmdline" 2>/dev/null | grep -qF -- "$pattern"
}
orderer_ours() { ours orderer "$BIN/orderer"; }
peer_ours() { ours "peer-$1" "$BIN/peer node start"; }
chaincode_ours() { ours chaincode; }

who_listens() {
  command -v ss >/dev/null || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\(.*\)))/\1/p' | head -n 1
}

check_ports_free() {
  local p who
  for p in "$@"; do
    if port_in_use "$p"; then
      who="$(who_listens "$p")"
      die "port $p on 127.0.0.1 is taken by a process that is not this checkout's Fabric${who:+ ($who)}"
    fi
  done
}

# Starts "$@" detached (own session: a Ctrl-C in the calling terminal does not reach it), output
# appended to LOG, pid recorded under NAME. The previous log is kept as LOG.1.
launch() {
  local name="$1" logf="$2"
  shift 2
  [[ -f "$logf" ]] && mv -f "$logf" "$logf.1"
  : >"$logf"
  local launcher=()
  command -v setsid >/dev/null && launcher=(setsid)
  # 9>&- : the child must not inherit the lock, or the next up/down would wait for it forever.
  "${launcher[@]}" "$@" </dev/null >>"$logf" 2>&1 9>&- &
  echo $! >"$(pid_file "$name")"
}

# Waits until PORT accepts connections while NAME's pid stays alive.
wait_started() {
  local name="$1" port="$2" logf="$3" t0=$SECONDS
  until port_in_use "$port"; do
    pid_alive "$name" || { tail -n 30 "$logf" >&2; die "$name exited during startup (log: $logf)"; }
    ((SECONDS - t0 < START_TIMEOUT)) || { tail -n 30 "$logf" >&2; stop_pid "$name" 10; die "$name did not open port $port within ${START_TIMEOUT}s (log: $logf)"; }
    sleep 0.1
  done
}

start_orderer() {
  local logf="$DIR/orderer.log"
  check_ports_free "$ORDERER_PORT" "$ORDERER_ADMIN_PORT" "$ORDERER_OPS_PORT"
  mkdir -p "$DIR/orderer/data"
  log "starting orderer on 127.0.0.1:$ORDERER_PORT (log: $logf)"
  launch orderer "$logf" env \
    FABRIC_CFG_PATH="$DIR/orderer" \
    FABRIC_LOGGING_SPEC="$LOGGING_SPEC" \
    FABRIC_LOGGING_FORMAT="$LOGGING_FORMAT" \
    ORDERER_GENERAL_LISTENADDRESS=127.0.0.1 \
    ORDERER_GENERAL_LISTENPORT="$ORDERER_PORT" \
    ORDERER_GENERAL_LOCALMSPID=OrdererMSP \
    ORDERER_GENERAL_LOCALMSPDIR="$ORDERER_NODE/msp" \
    ORDERER_GENERAL_TLS_ENABLED=true \
    ORDERER_GENERAL_TLS_PRIVATEKEY="$ORDERER_NODE/tls/server.key" \
    ORDERER_GENERAL_TLS_CERTIFICATE="$ORDERER_NODE/tls/server.crt" \
    ORDERER_GENERAL_TLS_ROOTCAS="[$ORDERER_TLS_CA]" \
    ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE="$ORDERER_NODE/tls/server.crt" \
    ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY="$ORDERER_NODE/tls/server.key" \
    ORDERER_GENERAL_CLUSTER_ROOTCAS="[$ORDERER_TLS_CA]" \
    ORDERER_GENERAL_BOOTSTRAPMETHOD=none \
    ORDERER_CHANNELPARTICIPATION_ENABLED=true \
    ORDERER_ADMIN_LISTENADDRESS="127.0.0.1:$ORDERER_ADMIN_PORT" \
    ORDERER_ADMIN_TLS_ENABLED=true \
    ORDERER_ADMIN_TLS_CERTIFICATE="$ORDERER_NODE/tls/server.crt" \
    ORDERER_ADMIN_TLS_PRIVATEKEY="$ORDERER_NODE/tls/server.key" \
    ORDERER_ADMIN_TLS_ROOTCAS="[$ORDERER_TLS_CA]" \
    ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true \
    ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$ORDERER_TLS_CA]" \
    ORDERER_OPERATIONS_LISTENADDRESS="127.0.0.1:$ORDERER_OPS_PORT" \
    ORDERER_METRICS_PROVIDER=prometheus \
    ORDERER_FILELEDGER_LOCATION="$DIR/orderer/data/ledger" \
    ORDERER_CONSENSUS_WALDIR="$DIR/orderer/data/etcdraft/wal" \
    ORDERER_CONSENSUS_SNAPDIR="$DIR/orderer/data/etcdraft/snapshot" \
    "$BIN/orderer"
  wait_started orderer "$ORDERER_ADMIN_PORT" "$logf"
  wait_started orderer "$ORDERER_PORT" "$logf"
}

# Gossip reconnect interval 2 s instead of 25 s: peers started together first fail to reach each
# other's anchor endpoint, and discovery (so the gateway) only sees the other organisation once they
# retry. On loopback a short interval costs nothing.
start_peer() {
  local org="$1" logf="$DIR/peer-$1.log" node port cc ops
  node="$(peer_node "$org")" port="$(peer_port "$org")" cc="$(peer_cc_port "$org")" ops="$(peer_ops_port "$org")"
  check_ports_free "$port" "$cc" "$ops"
  mkdir -p "$DIR/peer-$org/data"
  log "starting $(peer_host "$org") on 127.0.0.1:$port (log: $logf)"
  launch "peer-$org" "$logf" env \
    FABRIC_CFG_PATH="$DIR/peer-$org" \
    FABRIC_LOGGING_SPEC="$LOGGING_SPEC" \
    FABRIC_LOGGING_FORMAT="$LOGGING_FORMAT" \
    CORE_PEER_ID="$(peer_host "$org")" \
    CORE_PEER_NETWORKID=pharmatrace \
    CORE_PEER_LISTENADDRESS="127.0.0.1:$port" \
    CORE_PEER_ADDRESS="127.0.0.1:$port" \
    CORE_PEER_CHAINCODELISTENADDRESS="127.0.0.1:$cc" \
    CORE_PEER_CHAINCODEADDRESS="127.0.0.1:$cc" \
    CORE_PEER_GOSSIP_BOOTSTRAP="127.0.0.1:$port" \
    CORE_PEER_GOSSIP_EXTERNALENDPOINT="127.0.0.1:$port" \
    CORE_PEER_GOSSIP_RECONNECTINTERVAL=2s \
    CORE_PEER_LOCALMSPID="$(msp_id "$org")" \
    CORE_PEER_MSPCONFIGPATH="$node/msp" \
    CORE_PEER_TLS_ENABLED=true \
    CORE_PEER_TLS_CERT_FILE="$node/tls/server.crt" \
    CORE_PEER_TLS_KEY_FILE="$node/tls/server.key" \
    CORE_PEER_TLS_ROOTCERT_FILE="$node/tls/ca.crt" \
    CORE_PEER_FILESYSTEMPATH="$DIR/peer-$org/data" \
    CORE_LEDGER_STATE_STATEDATABASE=goleveldb \
    CORE_LEDGER_SNAPSHOTS_ROOTDIR="$DIR/peer-$org/data/snapshots" \
    CORE_OPERATIONS_LISTENADDRESS="127.0.0.1:$ops" \
    CORE_METRICS_PROVIDER=prometheus \
    CORE_CHAINCODE_EXTERNALBUILDERS="[{name: pharmatrace-ccaas, path: \"$HERE/builder\", propagateEnvironment: []}]" \
    "$BIN/peer" node start
  wait_started "peer-$org" "$port" "$logf"
}

# The chaincode server's command line, when FABRIC_CHAINCODE_CMD is not set.
default_cc_cmd() {
  local cli=""
  for cli in "$CC_DIR/node_modules/fabric-shim/cli.js" "$REPO_ROOT/node_modules/fabric-shim/cli.js"; do
    [[ -f "$cli" ]] && break
    cli=""
  done
  # The variables are expanded by the bash that runs the command, not here.
  # shellcheck disable=SC2016
  if [[ -n "$cli" ]]; then
    printf 'node %q server --chaincode-address "$CORE_CHAINCODE_ADDRESS" --chaincode-id "$CORE_CHAINCODE_ID"' "$cli"
  else
    printf '%s' 'npx --no-install fabric-chaincode-node server --chaincode-address "$CORE_CHAINCODE_ADDRESS" --chaincode-id "$CORE_CHAINCODE_ID"'
  fi
}

# True when there is a chaincode server to start: an explicit command, or the repo's chaincode.
chaincode_configured() { [[ -n "$CC_CMD" || -f "$CC_DIR/package.json" ]]; }

# What the running server was started with (package id, directory, command, and the build of the
# code, dist/.build-id, when the package writes one), to notice changes.
chaincode_spec() {
  printf '%s\n%s\n%s\n%s\n' "$(cat "$PKG_DIR/package-id" 2>/dev/null)" "$CC_DIR" "${CC_CMD:-$(default_cc_cmd)}" \
    "$(cat "$CC_DIR/dist/.build-id" 2>/dev/null || true)"
}

# Builds the chaincode when its package.json has a `build` script (chaincode/pharma-custody's compiles
# TypeScript into dist/ and returns at once when dist/ is up to date). A new build changes the spec
# above, so `up` restarts the server on the new code.
build_chaincode() {
  [[ -z "$CC_CMD" && -f "$CC_DIR/package.json" ]] || return 0
  grep -q '"build"[[:space:]]*:' "$CC_DIR/package.json" || return 0
  (cd "$CC_DIR" && npm run --silent build >&2) || die "building the chaincode in $CC_DIR failed"
}
# A server is expected when one is configured, or when one was started (status and health do not
# depend on the caller's FABRIC_CHAINCODE_* variables).
chaincode_expected() { chaincode_configured || [[ -s "$(pid_file chaincode)" ]]; }
chaincode_current() { [[ -f "$PKG_DIR/chaincode-spec" && "$(cat "$PKG_DIR/chaincode-spec")" == "$(chaincode_spec)" ]]; }

start_chaincode() {
  local pkgid="$1" logf="$DIR/chaincode.log" cmd
  cmd="${CC_CMD:-$(default_cc_cmd)}"
  [[ -d "$CC_DIR" ]] || die "chaincode directory $CC_DIR does not exist (set FABRIC_CHAINCODE_DIR)"
  check_ports_free "${CC_ADDRESS##*:}"
  log "starting chaincode server on $CC_ADDRESS in $CC_DIR: $cmd (log: $logf)"
  # The package id and address under both the names fabric-shim reads (CORE_*) and the ones the
  # fabric-samples servers use (CHAINCODE_*).
  # fabric-shim and fabric-contract-api log every transaction at their default level (info): warnings
  # only, unless CORE_CHAINCODE_LOGGING_LEVEL says otherwise.
  (cd "$CC_DIR" && launch chaincode "$logf" env \
    CORE_CHAINCODE_LOGGING_LEVEL="${CORE_CHAINCODE_LOGGING_LEVEL:-WARNING}" \
    CORE_CHAINCODE_ID="$pkgid" CORE_CHAINCODE_ADDRESS="$CC_ADDRESS" \
    CHAINCODE_ID="$pkgid" CHAINCODE_SERVER_ADDRESS="$CC_ADDRESS" \
    bash -c "exec $cmd")
  wait_started chaincode "${CC_ADDRESS##*:}" "$logf"
}

# Stops the chaincode server and anything it spawned (npx starts node as a child): the server runs
# in a session of its own, so its process group is signalled, by the recorded pid.
stop_chaincode() {
  local f pid i
  f="$(pid_file chaincode)"
  pid_alive chaincode || { rm -f "$f"; return 0; }
  pid="$(cat "$f")"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$f"
}

# --- Clients ----------------------------------------------------------------------------------------
# Runs a Fabric CLI as ORG's admin against ORG's peer. stdout is the command's; stderr goes to cli.log.
as_admin() {
  local org="$1"
  shift
  printf '\n[%s] %s: %s\n' "$(date +%T)" "$org" "$*" >>"$CLI_LOG"
  env FABRIC_CFG_PATH="$DIR/peer-$org" \
    FABRIC_LOGGING_SPEC=warning \
    CORE_PEER_TLS_ENABLED=true \
    CORE_PEER_LOCALMSPID="$(msp_id "$org")" \
    CORE_PEER_TLS_ROOTCERT_FILE="$(peer_tls_ca "$org")" \
    CORE_PEER_MSPCONFIGPATH="$(user_msp "$org" Admin)" \
    CORE_PEER_ADDRESS="127.0.0.1:$(peer_port "$org")" \
    "$@" 2>>"$CLI_LOG"
}

ORDERER_ARGS=(-o "127.0.0.1:$ORDERER_PORT" --ordererTLSHostnameOverride orderer.example.com --tls --cafile "$ORDERER_TLS_CA")

osnadmin() {
  printf '\n[%s] osnadmin %s\n' "$(date +%T)" "$*" >>"$CLI_LOG"
  "$BIN/osnadmin" "$@" -o "127.0.0.1:$ORDERER_ADMIN_PORT" --ca-file "$ORDERER_TLS_CA" \
    --client-cert "$ORDERER_ADMIN/tls/client.crt" --client-key "$ORDERER_ADMIN/tls/client.key" 2>>"$CLI_LOG"
}

# Retries a command (transactions right after a start can meet a raft leader not elected yet).
retry() {
  local tries="$1" i
  shift
  for ((i = 1; i <= tries; i++)); do
    "$@" && return 0
    ((i < tries)) && sleep 1
  done
  return 1
}

cli_fail() { tail -n 15 "$CLI_LOG" >&2; die "$* (log: $CLI_LOG)"; }

peer_has_channel() { as_admin "$1" "$BIN/peer" channel getinfo -c "$CHANNEL" >/dev/null; }

chaincode_answers() {
  as_admin "$1" "$BIN/peer" chaincode query -C "$CHANNEL" -n "$CC_NAME" -c "$HEALTH_QUERY" >/dev/null
}

# Service discovery through ORG's peer, as the gateway uses it: every peer of the channel is known
# (gossip across organisations goes through the anchor peers and takes a few seconds after a start)
# and the chaincode has an endorsement plan. Until then a gateway submit fails with "no combination
# of peers can be derived which satisfy the endorsement policy".
discovery_ready() {
  local org="$1" other out
  local args=(--peerTLSCA "$(peer_tls_ca "$org")" --userKey "$(user_key "$org" User1)"
    --userCert "$(user_cert "$org" User1)" --MSP "$(msp_id "$org")")
  printf '\n[%s] %s: discover peers/endorsers\n' "$(date +%T)" "$org" >>"$CLI_LOG"
  out="$("$BIN/discover" "${args[@]}" peers --channel "$CHANNEL" --server "127.0.0.1:$(peer_port "$org")" 2>>"$CLI_LOG")" || return 1
  for other in "${ORGS[@]}"; do
    [[ "$out" == *"\"127.0.0.1:$(peer_port "$other")\""* ]] || return 1
  done
  "$BIN/discover" "${args[@]}" endorsers --channel "$CHANNEL" --chaincode "$CC_NAME" \
    --server "127.0.0.1:$(peer_port "$org")" 2>>"$CLI_LOG" | grep -q '"Layouts"'
}

discovery_ready_all() {
  local org
  for org in "${ORGS[@]}"; do discovery_ready "$org" || return 1; done
}

# --- Channel ----------------------------------------------------------------------------------------
ensure_channel() {
  local org
  if [[ ! -s "$BLOCK" ]]; then
    log "creating the genesis block of channel $CHANNEL (configtxgen)"
    FABRIC_CFG_PATH="$CONFIG" "$BIN/configtxgen" -profile PharmaTraceChannel -channelID "$CHANNEL" \
      -outputBlock "$BLOCK.tmp" >>"$CLI_LOG" 2>&1 || cli_fail "configtxgen failed"
    mv "$BLOCK.tmp" "$BLOCK"
  fi
  if ! osnadmin channel list --channelID "$CHANNEL" | grep -q 'Status: 200'; then
    log "joining the orderer to $CHANNEL (osnadmin)"
    osnadmin channel join --channelID "$CHANNEL" --config-block "$BLOCK" | grep -q 'Status: 201' ||
      cli_fail "osnadmin channel join failed"
  fi
  for org in "${ORGS[@]}"; do
    if ! as_admin "$org" "$BIN/peer" channel list | grep -qx "$CHANNEL"; then
      log "joining $(peer_host "$org") to $CHANNEL"
      retry 5 as_admin "$org" "$BIN/peer" channel join -b "$BLOCK" >/dev/null || cli_fail "peer channel join failed for $org"
    fi
  done
  for org in "${ORGS[@]}"; do
    retry 20 peer_has_channel "$org" || cli_fail "$(peer_host "$org") does not serve $CHANNEL"
  done
}

# --- Chaincode --------------------------------------------------------------------------------------
# The package is built reproducibly (sorted, fixed mtime and owner, gzip without a timestamp): the
# same connection.json always gives the same package id, across resets and machines.
repro_tgz() {
  local dir="$1" dest="$2"
  shift 2
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=ustar -C "$dir" -cf - "$@" | gzip -9n >"$dest"
}

ensure_package() {
  local work="$PKG_DIR/src"
  rm -rf "$work"
  mkdir -p "$work/code"
  printf '{"address":"%s","dial_timeout":"10s","tls_required":false}\n' "$CC_ADDRESS" >"$work/code/connection.json"
  printf '{"type":"ccaas","label":"%s"}\n' "$CC_LABEL" >"$work/metadata.json"
  repro_tgz "$work/code" "$work/code.tar.gz" connection.json
  repro_tgz "$work" "$PKG.tmp" metadata.json code.tar.gz
  mv "$PKG.tmp" "$PKG"
  rm -rf "$work"
  as_admin org1 "$BIN/peer" lifecycle chaincode calculatepackageid "$PKG" || cli_fail "calculatepackageid failed"
}

# Installs the package on both peers, then approves and commits the definition when the committed
# one differs (package id, endorsement policy). A changed definition gets the next sequence.
ensure_chaincode_defined() {
  local pkgid="$1" org want committed seq next pol_args=()
  [[ -n "$CC_POLICY" ]] && pol_args=(--signature-policy "$CC_POLICY")
  for org in "${ORGS[@]}"; do
    if ! as_admin "$org" "$BIN/peer" lifecycle chaincode queryinstalled | grep -qF "Package ID: $pkgid,"; then
      log "installing $pkgid on $(peer_host "$org")"
      as_admin "$org" "$BIN/peer" lifecycle chaincode install "$PKG" >/dev/null || cli_fail "chaincode install failed on $org"
    fi
  done
  want="$pkgid|$CC_VERSION|$CC_POLICY"
  committed="$(as_admin org1 "$BIN/peer" lifecycle chaincode querycommitted -C "$CHANNEL" -n "$CC_NAME" --output json 2>/dev/null || true)"
  seq="$(printf '%s' "$committed" | tr -d '[:space:]' | sed -n 's/.*"sequence":\([0-9]*\).*/\1/p')"
  if [[ -n "$seq" && -f "$PKG_DIR/committed" && "$(cat "$PKG_DIR/committed")" == "$seq|$want" ]]; then
    return 0
  fi
  next=$((${seq:-0} + 1))
  log "defining $CC_NAME on $CHANNEL: sequence $next, package $pkgid, policy ${CC_POLICY:-channel default (MAJORITY Endorsement)}"
  local def=(-C "$CHANNEL" -n "$CC_NAME" -v "$CC_VERSION" --sequence "$next" "${pol_args[@]}")
  for org in "${ORGS[@]}"; do
    if ! as_admin "$org" "$BIN/peer" lifecycle chaincode checkcommitreadiness "${def[@]}" --output json |
      tr -d '[:space:]' | grep -q "\"$(msp_id "$org")\":true"; then
      retry 10 as_admin "$org" "$BIN/peer" lifecycle chaincode approveformyorg "${ORDERER_ARGS[@]}" \
        "${def[@]}" --package-id "$pkgid" >/dev/null || cli_fail "approveformyorg failed for $org"
    fi
  done
  local peers=()
  for org in "${ORGS[@]}"; do peers+=(--peerAddresses "127.0.0.1:$(peer_port "$org")" --tlsRootCertFiles "$(peer_tls_ca "$org")"); done
  retry 5 as_admin org1 "$BIN/peer" lifecycle chaincode commit "${ORDERER_ARGS[@]}" "${def[@]}" "${peers[@]}" >/dev/null ||
    cli_fail "chaincode commit failed"
  printf '%s|%s\n' "$next" "$want" >"$PKG_DIR/committed"
}

# --- Health -----------------------------------------------------------------------------------------
processes_alive() {
  local org
  orderer_ours || return 1
  for org in "${ORGS[@]}"; do peer_ours "$org" || return 1; done
  if chaincode_expected; then chaincode_ours || return 1; fi
  return 0
}

# Every process alive, both peers serve the channel, the chaincode answers through each peer.
healthy() {
  local org
  processes_alive || return 1
  # The committed definition is the wanted one (same package, same endorsement policy).
  [[ -s "$PKG_DIR/committed" && -s "$PKG_DIR/package-id" ]] || return 1
  [[ "$(cut -d'|' -f2- "$PKG_DIR/committed")" == "$(cat "$PKG_DIR/package-id")|$CC_VERSION|$CC_POLICY" ]] || return 1
  for org in "${ORGS[@]}"; do
    peer_has_channel "$org" || return 1
    if chaincode_expected; then chaincode_answers "$org" || return 1; fi
  done
  discovery_ready_all
}

write_settings() {
  local org n lines=(
    "FABRIC_CHANNEL=$CHANNEL"
    "FABRIC_CHAINCODE=$CC_NAME"
    "FABRIC_CHAINCODE_PACKAGE_ID=$(cat "$PKG_DIR/package-id" 2>/dev/null || true)"
    "FABRIC_ORDERER_ENDPOINT=127.0.0.1:$ORDERER_PORT"
    "FABRIC_ORDERER_TLS_CERT=$ORDERER_TLS_CA"
    "FABRIC_ORDERER_HOST_ALIAS=orderer.example.com"
    "FABRIC_ORGS=$(IFS=,; printf '%s' "${ORGS[*]}")"
  )
  for org in "${ORGS[@]}"; do
    n="FABRIC_ORG$(org_num "$org")"
    lines+=(
      "${n}_MSP_ID=$(msp_id "$org")"
      "${n}_PEER_ENDPOINT=127.0.0.1:$(peer_port "$org")"
      "${n}_PEER_HOST_ALIAS=$(peer_host "$org")"
      "${n}_TLS_CERT=$(peer_tls_ca "$org")"
      "${n}_CERT=$(user_cert "$org" User1)"
      "${n}_KEY=$(user_key "$org" User1)"
      "${n}_ADMIN_CERT=$(user_cert "$org" Admin)"
      "${n}_ADMIN_KEY=$(user_key "$org" Admin)"
    )
  done
  write_env "${lines[@]}"
}

# --- Commands ---------------------------------------------------------------------------------------
up() {
  local t0=$SECONDS org pkgid
  build_chaincode
  if healthy && { ! chaincode_configured || chaincode_current; }; then
    write_settings
    log "already running (channel $CHANNEL, chaincode $CC_NAME)"
    return 0
  fi
  # Refuse before starting anything when a port we need is taken by something else.
  local ports=()
  orderer_ours || ports+=("$ORDERER_PORT" "$ORDERER_ADMIN_PORT" "$ORDERER_OPS_PORT")
  for org in "${ORGS[@]}"; do
    peer_ours "$org" || ports+=("$(peer_port "$org")" "$(peer_cc_port "$org")" "$(peer_ops_port "$org")")
  done
  chaincode_ours || ports+=("${CC_ADDRESS##*:}")
  check_ports_free "${ports[@]}"
  ensure_installed
  ensure_crypto
  render_configs

  orderer_ours || { rm -f "$(pid_file orderer)"; start_orderer; }
  for org in "${ORGS[@]}"; do
    peer_ours "$org" || { rm -f "$(pid_file "peer-$org")"; start_peer "$org"; }
  done
  ensure_channel

  pkgid="$(ensure_package)"
  [[ "$pkgid" == "$CC_LABEL:"* ]] || die "unexpected package id '$pkgid'"
  printf '%s\n' "$pkgid" >"$PKG_DIR/package-id"
  if chaincode_ours && ! chaincode_configured; then
    log "keeping the running chaincode server (pid $(cat "$(pid_file chaincode)"))"
  elif chaincode_configured; then
    # A server started for another package id, directory or command is replaced.
    if chaincode_ours && ! chaincode_current; then
      log "chaincode server settings changed: restarting it"
      stop_chaincode
    fi
    chaincode_ours || { rm -f "$(pid_file chaincode)"; start_chaincode "$pkgid"; }
    chaincode_spec >"$PKG_DIR/chaincode-spec"
  else
    rm -f "$(pid_file chaincode)" "$PKG_DIR/chaincode-spec"
    log "WARNING: no chaincode server: $CC_DIR/package.json does not exist and FABRIC_CHAINCODE_CMD is not set;"
    log "WARNING: the network runs, but invoking $CC_NAME fails until one is started (fabric.sh up again)"
  fi
  ensure_chaincode_defined "$pkgid"

  local deadline=$((SECONDS + HEALTH_TIMEOUT))
  until healthy; do
    if ((SECONDS >= deadline)); then
      for org in orderer peer-org1 peer-org2 chaincode; do
        [[ -f "$DIR/$org.log" ]] && { log "--- $DIR/$org.log"; tail -n 5 "$DIR/$org.log" >&2; }
      done
      log "--- $CLI_LOG"
      tail -n 6 "$CLI_LOG" >&2
      die "the network started but failed its health check (logs: $DIR/*.log)"
    fi
    sleep 0.5
  done
  write_settings
  log "ready in $((SECONDS - t0))s: channel $CHANNEL, chaincode $CC_NAME ($pkgid)"
}

down() {
  local org names=()
  # Each node takes about 2 s to stop gracefully: stop them all at once.
  pid_alive chaincode && names+=(chaincode)
  stop_chaincode &
  for org in "${ORGS[@]}"; do
    if peer_ours "$org"; then
      names+=("$(peer_host "$org")")
      stop_pid "peer-$org" 30 &
    else
      rm -f "$(pid_file "peer-$org")"
    fi
  done
  if orderer_ours; then
    names+=(orderer)
    stop_pid orderer 30 &
  else
    rm -f "$(pid_file orderer)"
  fi
  ((${#names[@]} == 0)) || log "stopping ${names[*]}"
  wait
  remove_env
}

reset() {
  down
  log "wiping $DIR (crypto, ledgers, chaincode package)"
  find "$DIR" -mindepth 1 -maxdepth 1 ! -name .lock -exec rm -rf {} +
}

restart_peer() {
  local org="${1:-}" t0=$SECONDS
  valid_org "$org" || die "usage: $0 restart-peer org1|org2"
  [[ -f "$CRYPTO/.complete" && -s "$BLOCK" ]] || die "the network was never started: run $0 up"
  installed || die "Fabric binaries missing: run $0 up"
  orderer_ours || die "the network is not running: run $0 up"
  if peer_ours "$org"; then
    log "stopping $(peer_host "$org") (pid $(cat "$(pid_file "peer-$org")"))"
    stop_pid "peer-$org" 30
  fi
  rm -f "$(pid_file "peer-$org")"
  start_peer "$org"
  local deadline=$((SECONDS + START_TIMEOUT))
  until peer_has_channel "$org" && { ! chaincode_expected || chaincode_answers "$org"; } && discovery_ready_all; do
    ((SECONDS < deadline)) || { tail -n 20 "$DIR/peer-$org.log" >&2; die "$(peer_host "$org") did not serve $CHANNEL again (log: $DIR/peer-$org.log)"; }
    sleep 0.3
  done
  log "$(peer_host "$org") restarted in $((SECONDS - t0))s"
}

cmd="${1:-status}"
# One up/down/reset/restart at a time per checkout.
if [[ "$cmd" != status ]] && command -v flock >/dev/null; then
  exec 9>"$DIR/.lock"
  flock -w 600 9 || die "another infra/fabric/fabric.sh is still running (lock $DIR/.lock)"
fi

case "$cmd" in
  up) up ;;
  down) down ;;
  status) healthy ;;
  reset) reset ;;
  restart-peer) restart_peer "${2:-}" ;;
  *) die "usage: $0 up|down|status|reset|restart-peer org1|org2" ;;
esac
