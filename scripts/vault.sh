#!/usr/bin/env bash
# A real HashiCorp Vault for Candor development and tests: built from source once (no Docker, no
# release download here), run as a non-dev server on 127.0.0.1 only, all state under .candor/vault/.
#
#   bash scripts/vault.sh build    build Vault v1.21.4 (no web UI) into a cache keyed by this recipe; ~20 min
#                                  and ~6 GB RAM once, nothing if already built
#   bash scripts/vault.sh path     print the built binary's path (exit 1 if not built)
#   bash scripts/vault.sh up       start the server (file storage in .candor/vault/data); on first start
#                                  initialise it (1 key share), keep unseal key + root token in
#                                  .candor/vault/init.json (mode 600), unseal, run infra/vault/setup.sh
#                                  and write each service's AppRole credentials (see `env`)
#   bash scripts/vault.sh down     stop the server (data is kept; it comes back sealed and `up` unseals it)
#   bash scripts/vault.sh status   show whether it runs and is sealed
#   bash scripts/vault.sh env      print `export VAULT_ADDR=...` and `export CANDOR_VAULT_ENV_FILE=...`, and
#                                  `. <that file>` to load the secrets: a mode-600 file .candor/vault/env
#                                  holding CANDOR_VAULT_ROOT_TOKEN and, per service, CANDOR_VAULT_ROLE_ID_<SERVICE>
#                                  and CANDOR_VAULT_SECRET_ID_<SERVICE> (SERVICE = CONVERSATION, BOT_ENGINE,
#                                  HANDOFF, CONSENT_LEDGER, DSR). Use it as: eval "$(bash scripts/vault.sh env)"
#   bash scripts/vault.sh seal     seal the running server (fail-closed tests); `unseal` unseals it again
#   bash scripts/vault.sh unseal
#   bash scripts/vault.sh reset    down + delete .candor/vault (the built binary is kept)
#
# A service logs in with VAULT_AUTH_METHOD=approle, VAULT_APPROLE_ROLE_ID=$CANDOR_VAULT_ROLE_ID_<SERVICE>
# and VAULT_APPROLE_SECRET_ID=$CANDOR_VAULT_SECRET_ID_<SERVICE>: its own role, bound to its own policy
# (infra/vault/policies/<service>.hcl). The root token is for this local server's administration only.
#
# The build: `go install github.com/hashicorp/vault@v1.21.4` is refused (Vault's go.mod has replace
# directives), so a wrapper module requires it and restates them. Vault's in-repo sdk matches no
# published version, so `sdk` points at a patched copy of the published sdk@v0.21.0: ActivationFunc
# loses its third argument and helper/keysutil/lock_manager.go comes from sdk@v0.25.1 (transit restore
# expects RestorePolicy to return (string, error)). The Go module cache (GOMODCACHE) is the default one,
# so modules are downloaded once. Vault is under the Business Source License 1.1; it is built here as a
# test-only dependency and never committed or redistributed.
#
# Environment:
#   CANDOR_VAULT_PORT     listener port on 127.0.0.1 (default 58200)
#   CANDOR_VAULT_TIMEOUT  seconds to wait for the server (default 60)
#   CANDOR_VAULT_BUILD_P  parallel compile jobs for `build` (default 2)
#   CANDOR_VAULT_DIR      state folder (default .candor/vault); with another port, a second private server
#                         (the fail-closed tests seal one of their own, so no other suite sees the seal)
#   XDG_CACHE_HOME        the binary goes to ${XDG_CACHE_HOME:-$HOME/.cache}/candor/vault-<version>-<recipe hash>/
#
# Progress goes to stderr; only `path`, `env` and `status` write to stdout.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
STATE="${CANDOR_VAULT_DIR:-$ROOT/.candor/vault}"

VAULT_VERSION=1.21.4
SDK_BASE=v0.21.0
SDK_LOCK_MANAGER=v0.25.1
PORT="${CANDOR_VAULT_PORT:-58200}"
TIMEOUT="${CANDOR_VAULT_TIMEOUT:-60}"
BUILD_P="${CANDOR_VAULT_BUILD_P:-2}"
ADDR="http://127.0.0.1:$PORT"

SERVICES=(conversation bot-engine handoff consent-ledger dsr)

VAULT_PID="$STATE/vault.pid"
INIT_JSON="$STATE/init.json"
ENV_FILE="$STATE/env"

log() { printf '[vault] %s\n' "$*" >&2; }
die() { printf '[vault] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# the build recipe: everything that decides the binary; its hash names the cache folder
# ---------------------------------------------------------------------------------------------
WRAPPER_GO_MOD="module candor.local/vault-build

go 1.25

require github.com/hashicorp/vault v$VAULT_VERSION

replace (
	github.com/hashicorp/vault/api => github.com/hashicorp/vault/api v1.22.0
	github.com/hashicorp/vault/api/auth/approle => github.com/hashicorp/vault/api/auth/approle v0.1.0
	github.com/hashicorp/vault/api/auth/kubernetes => github.com/hashicorp/vault/api/auth/kubernetes v0.10.0
	github.com/hashicorp/vault/api/auth/userpass => github.com/hashicorp/vault/api/auth/userpass v0.1.0
	github.com/hashicorp/vault/sdk => ./sdk
	github.com/99designs/keyring => github.com/Jeffail/keyring v1.2.3
	github.com/ma314smith/signedxml v1.1.1 => github.com/moov-io/signedxml v1.1.1
)
"
WRAPPER_TOOLS_GO='//go:build tools

// Package tools only pins github.com/hashicorp/vault as a requirement of this module.
package tools

import _ "github.com/hashicorp/vault"
'
# the sdk patch, applied to a writable copy of sdk@$SDK_BASE in ./sdk
SDK_PATCH_SED='s/^\([[:space:]]*ActivationFunc func(context\.Context, \*logical\.Request\), string) error/\1) error/'
BUILD_FLAGS=(-p "$BUILD_P" -trimpath -ldflags="-s -w")
BUILD_ENV=(CGO_ENABLED=0)

recipe_hash() {
  {
    printf '%s\n' "$VAULT_VERSION" "$SDK_BASE" "$SDK_LOCK_MANAGER" "$WRAPPER_GO_MOD" "$WRAPPER_TOOLS_GO" "$SDK_PATCH_SED"
    printf '%s\n' "${BUILD_FLAGS[@]:2}" "${BUILD_ENV[@]}"
  } | sha256sum | cut -c1-12
}

CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/candor/vault-$VAULT_VERSION-$(recipe_hash)"
VAULT_BIN="$CACHE_DIR/vault"

# module_dir MODULE@VERSION: downloads it into the module cache and prints its folder there
module_dir() {
  local tmp dir
  tmp="$(mktemp -d)"
  dir="$(cd "$tmp" && GO111MODULE=on go mod download -json "$1" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  rmdir "$tmp"
  [ -n "$dir" ] && [ -d "$dir" ] || die "go mod download $1 failed"
  printf '%s\n' "$dir"
}

cmd_build() {
  if [ -x "$VAULT_BIN" ]; then log "already built: $VAULT_BIN"; return 0; fi
  command -v go >/dev/null 2>&1 || die "Go is needed to build Vault (https://go.dev/dl/, or apt-get install golang-go >= 1.25)"
  mkdir -p "$CACHE_DIR"
  exec 9>"$CACHE_DIR/.lock"
  if ! flock -n 9; then
    log "another build of this recipe is running; waiting for it"
    flock 9
    if [ -x "$VAULT_BIN" ]; then log "built by the other run: $VAULT_BIN"; return 0; fi
  fi
  local t0=$SECONDS src="$CACHE_DIR/src"
  log "building Vault v$VAULT_VERSION into $CACHE_DIR (cold: ~20 min, ~6 GB RAM; warm: ~2 min)"
  rm -rf "$src"
  mkdir -p "$src"
  printf '%s' "$WRAPPER_GO_MOD" >"$src/go.mod"
  printf '%s' "$WRAPPER_TOOLS_GO" >"$src/tools.go"

  log "patching a copy of github.com/hashicorp/vault/sdk@$SDK_BASE"
  local base lock
  base="$(module_dir "github.com/hashicorp/vault/sdk@$SDK_BASE")"
  lock="$(module_dir "github.com/hashicorp/vault/sdk@$SDK_LOCK_MANAGER")"
  cp -R "$base" "$src/sdk"
  chmod -R u+w "$src/sdk"
  sed -i "$SDK_PATCH_SED" "$src/sdk/framework/backend.go"
  grep -q 'ActivationFunc func(context.Context, \*logical.Request) error' "$src/sdk/framework/backend.go" ||
    die "sdk patch did not apply to framework/backend.go"
  cp "$lock/helper/keysutil/lock_manager.go" "$src/sdk/helper/keysutil/lock_manager.go"
  chmod u+w "$src/sdk/helper/keysutil/lock_manager.go"

  log "go mod tidy (downloads ~540 modules on a cold module cache)"
  (cd "$src" && go mod tidy) >&2 || die "go mod tidy failed"
  log "go build (-p $BUILD_P)"
  (cd "$src" && env "${BUILD_ENV[@]}" GOMAXPROCS="$BUILD_P" nice -n 10 \
    go build "${BUILD_FLAGS[@]}" -o "$VAULT_BIN.tmp" github.com/hashicorp/vault) >&2 || die "go build failed"
  "$VAULT_BIN.tmp" version >&2 || die "the built binary does not run"
  mv "$VAULT_BIN.tmp" "$VAULT_BIN"
  log "built $VAULT_BIN ($(du -m "$VAULT_BIN" | cut -f1) MB) in $((SECONDS - t0))s"
}

cmd_path() {
  if [ -x "$VAULT_BIN" ]; then printf '%s\n' "$VAULT_BIN"; else return 1; fi
}

# ---------------------------------------------------------------------------------------------
# the server
# ---------------------------------------------------------------------------------------------
require_bin() {
  [ -x "$VAULT_BIN" ] || die "Vault is not built: run \`bash scripts/vault.sh build\` (~20 minutes, once)"
}

# vault_pid: the pid of our server (from the pid file, checked against its command line)
vault_pid() {
  local pid=""
  [ -f "$VAULT_PID" ] && pid="$(cat "$VAULT_PID")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-config=$STATE/vault.hcl"; then
    echo "$pid"
    return 0
  fi
  return 1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# health_code: sys/health's status: 200 active, 501 not initialised, 503 sealed, 000 no answer
health_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$ADDR/v1/sys/health" || true; }

# json_field FILE|- PATH: one value of a JSON document, PATH like data.role_id (node: the project needs it anyway)
json_field() {
  node -e '
    const text = require("fs").readFileSync(process.argv[1] === "-" ? 0 : process.argv[1], "utf8");
    const value = process.argv[2].split(".").reduce((v, k) => (v == null ? v : v[k]), JSON.parse(text));
    if (value == null) process.exit(1);
    process.stdout.write(String(value));
  ' "$1" "$2"
}

root_token() { json_field "$INIT_JSON" root_token; }

# api METHOD PATH [BODY]: a call with the root token (sent from a file descriptor, not argv); prints the body
api() {
  local method=$1 path=$2 body=${3:-} answer status
  local args=(-s --max-time 10 -X "$method" -w '\n%{http_code}')
  if [ -n "$body" ]; then args+=(-H 'Content-Type: application/json' --data "$body"); fi
  answer="$(curl "${args[@]}" -H @<(printf 'X-Vault-Token: %s\n' "$(root_token)") "$ADDR/v1/$path")" ||
    die "no answer from Vault at $ADDR"
  status="${answer##*$'\n'}"
  [[ $status == 2* ]] || die "Vault answered $status to $method $path: ${answer%$'\n'*}"
  printf '%s' "${answer%$'\n'*}"
}

write_config() {
  mkdir -p "$STATE/data"
  chmod 700 "$STATE"
  cat >"$STATE/vault.hcl" <<EOF
# written by scripts/vault.sh -- local development/test server only (no TLS, 127.0.0.1 only)
storage "file" {
  path = "$STATE/data"
}
listener "tcp" {
  address     = "127.0.0.1:$PORT"
  tls_disable = 1
}
api_addr           = "$ADDR"
disable_mlock      = true
# one node, file storage: no cluster listener (it would take port+1)
disable_clustering = true
ui                 = false
log_level          = "warn"
EOF
}

wait_for_answer() {
  local deadline=$((SECONDS + TIMEOUT))
  until [ "$(health_code)" != 000 ]; do
    if ! vault_pid >/dev/null; then
      tail -n 30 "$STATE/vault.log" >&2 || true
      die "Vault exited (log: $STATE/vault.log)"
    fi
    [ "$SECONDS" -ge "$deadline" ] && die "Vault did not answer within ${TIMEOUT}s (log: $STATE/vault.log)"
    sleep 0.2
  done
}

do_unseal() {
  local key answer
  key="$(json_field "$INIT_JSON" unseal_keys_b64.0)" || die "no unseal key in $INIT_JSON"
  answer="$(curl -s --max-time 10 -X PUT --data @<(printf '{"key":"%s"}' "$key") "$ADDR/v1/sys/unseal")" ||
    die "no answer from Vault at $ADDR"
  [ "$(printf '%s' "$answer" | json_field - sealed)" = false ] || die "Vault is still sealed: $answer"
  local deadline=$((SECONDS + TIMEOUT))
  until [ "$(health_code)" = 200 ]; do
    [ "$SECONDS" -ge "$deadline" ] && die "Vault unsealed but not active after ${TIMEOUT}s"
    sleep 0.2
  done
}

# setup.sh runs again (and the services' credentials are reissued) when it or a policy changes
setup_stamp() { cat "$ROOT/infra/vault/setup.sh" "$ROOT"/infra/vault/policies/*.hcl | sha256sum | cut -c1-16; }

service_var() { printf '%s' "$1" | tr 'a-z-' 'A-Z_'; }

write_credentials() {
  local service var role_id secret_id
  (
    umask 077
    {
      echo "# written by scripts/vault.sh: this local Vault's root token and each service's AppRole (secrets)"
      printf 'export CANDOR_VAULT_ROOT_TOKEN=%s\n' "$(root_token)"
      for service in "${SERVICES[@]}"; do
        var="$(service_var "$service")"
        role_id="$(api GET "auth/approle/role/candor-$service/role-id" | json_field - data.role_id)"
        secret_id="$(api POST "auth/approle/role/candor-$service/secret-id" '{}' | json_field - data.secret_id)"
        printf 'export CANDOR_VAULT_ROLE_ID_%s=%s\n' "$var" "$role_id"
        printf 'export CANDOR_VAULT_SECRET_ID_%s=%s\n' "$var" "$secret_id"
      done
    } >"$ENV_FILE.tmp"
  )
  mv "$ENV_FILE.tmp" "$ENV_FILE"
}

cmd_up() {
  require_bin
  local t0=$SECONDS pid code stamp
  mkdir -p "$STATE"
  write_config
  if pid="$(vault_pid)"; then
    log "Vault already running (pid $pid) on $ADDR"
  else
    rm -f "$VAULT_PID"
    port_open "$PORT" && die "port $PORT on 127.0.0.1 is already in use by another process (set CANDOR_VAULT_PORT)"
    log "starting Vault on $ADDR (data in ${STATE#"$ROOT"/}/data)"
    # setsid: own session, so it survives this shell and is not hit by the caller's Ctrl-C
    setsid nohup "$VAULT_BIN" server -config="$STATE/vault.hcl" >>"$STATE/vault.log" 2>&1 </dev/null &
    echo $! >"$VAULT_PID"
  fi
  wait_for_answer
  code="$(health_code)"
  if [ "$code" = 501 ]; then
    log "initialising (1 key share); unseal key and root token in ${INIT_JSON#"$ROOT"/}"
    (
      umask 077
      VAULT_ADDR="$ADDR" "$VAULT_BIN" operator init -key-shares=1 -key-threshold=1 -format=json >"$INIT_JSON.tmp"
    ) || die "vault operator init failed"
    mv "$INIT_JSON.tmp" "$INIT_JSON"
    rm -f "$STATE/setup.stamp" "$ENV_FILE"
    code=503
  fi
  [ -f "$INIT_JSON" ] || die "Vault is initialised but $INIT_JSON is missing: \`bash scripts/vault.sh reset\` starts afresh"
  if [ "$code" = 503 ]; then
    log "unsealing"
    do_unseal
  fi
  stamp="$(setup_stamp)"
  if [ ! -f "$STATE/setup.stamp" ] || [ "$(cat "$STATE/setup.stamp")" != "$stamp" ]; then
    log "running infra/vault/setup.sh"
    VAULT_ADDR="$ADDR" VAULT_TOKEN="$(root_token)" bash "$ROOT/infra/vault/setup.sh" >&2 ||
      die "infra/vault/setup.sh failed"
    write_credentials
    printf '%s\n' "$stamp" >"$STATE/setup.stamp"
  elif [ ! -f "$ENV_FILE" ]; then
    write_credentials
  fi
  log "Vault ready on $ADDR in $((SECONDS - t0))s"
}

cmd_down() {
  local pid i=0
  if pid="$(vault_pid)"; then
    log "stopping Vault (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do
      if [ "$i" -ge 300 ]; then
        log "Vault still running after 30s; SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.1
      i=$((i + 1))
    done
  fi
  rm -f "$VAULT_PID"
}

cmd_status() {
  local pid code
  if ! pid="$(vault_pid)"; then
    if [ -x "$VAULT_BIN" ]; then echo "vault: stopped ($VAULT_BIN)"; else echo "vault: not built"; fi
    return 1
  fi
  code="$(health_code)"
  case "$code" in
    200) echo "vault: running (pid $pid) $ADDR, unsealed, data=$STATE/data" ;;
    503) echo "vault: running (pid $pid) $ADDR, sealed"; return 1 ;;
    501) echo "vault: running (pid $pid) $ADDR, not initialised"; return 1 ;;
    *) echo "vault: running (pid $pid) $ADDR, sys/health answers $code"; return 1 ;;
  esac
}

cmd_env() {
  printf 'export VAULT_ADDR=%s\n' "$ADDR"
  printf 'export CANDOR_VAULT_ENV_FILE=%q\n' "$ENV_FILE"
  if [ -f "$ENV_FILE" ]; then
    printf '. %q\n' "$ENV_FILE"
  else
    log "no credentials yet ($ENV_FILE): run \`bash scripts/vault.sh up\` first"
  fi
}

cmd_seal() {
  [ -f "$INIT_JSON" ] || die "not initialised"
  api PUT sys/seal >/dev/null
  log "sealed"
}

cmd_unseal() {
  [ -f "$INIT_JSON" ] || die "not initialised"
  vault_pid >/dev/null || die "Vault is not running: \`bash scripts/vault.sh up\` starts and unseals it"
  do_unseal
  log "unsealed"
}

cmd_reset() {
  cmd_down
  log "deleting $STATE (the built binary is kept)"
  rm -rf "$STATE"
}

case "${1:-}" in
  build) cmd_build ;;
  path) cmd_path ;;
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) cmd_env ;;
  seal) cmd_seal ;;
  unseal) cmd_unseal ;;
  reset) cmd_reset ;;
  *) echo "usage: bash scripts/vault.sh build|path|up|down|status|env|seal|unseal|reset" >&2; exit 2 ;;
esac
