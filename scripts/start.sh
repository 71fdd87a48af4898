#!/usr/bin/env bash
# The one command that starts Candor locally (`npm start`): Postgres and Kafka
# on 127.0.0.1 (scripts/infra.sh), a real Vault when it has been built
# (scripts/vault.sh; otherwise the local key provider, and one line saying how to
# build it), a build of the five services, and the five services themselves, each
# logged in to Vault with its own AppRole; prints their URLs once each is ready.
# Ctrl-C stops the services, then Vault and the infrastructure (if this script
# started them). KEY_PROVIDER=local, or VAULT_ADDR (an external Vault, with your
# own VAULT_* login settings), set beforehand, keep the local Vault out of it.
#
# Secrets for local use are generated once into .candor/dev.env (ignored by
# git); set BOOTSTRAP_API_KEY / VISITOR_TOKEN_SECRET yourself to override them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
export NX_DAEMON=false NX_NO_CLOUD=true KAFKAJS_NO_PARTITIONER_WARNING=1

# A fresh clone: install the npm dependencies first.
[ -d node_modules ] || npm ci --no-audit --no-fund

SERVICES=(conversation bot-engine handoff consent-ledger dsr)
declare -A PORTS=([conversation]=4101 [bot-engine]=4102 [handoff]=4103 [consent-ledger]=4104 [dsr]=4105)
PIDS=()
LOGS="$ROOT/.candor/logs"

stop_all() {
  trap - INT TERM EXIT
  echo >&2
  echo "[start] stopping services" >&2
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$STARTED_VAULT" = 1 ]; then bash scripts/vault.sh down; fi
  if [ "$STARTED_INFRA" = 1 ]; then bash scripts/infra.sh down; fi
  # Done: do not fall through to the "a service exited" report below.
  exit 0
}

STARTED_INFRA=0
STARTED_VAULT=0
if ! bash scripts/infra.sh status >/dev/null 2>&1; then
  STARTED_INFRA=1
fi
bash scripts/infra.sh up
trap stop_all INT TERM EXIT
eval "$(bash scripts/infra.sh env)"

# Kafka: each service logs in as itself (TLS + its own SCRAM user, whose ACLs let it touch only its topics);
# the admin's and the other services' passwords stay out of the services' environment.
declare -A KAFKA_USERNAMES=() KAFKA_PASSWORDS=()
for name in "${SERVICES[@]}"; do
  var="$(printf '%s' "$name" | tr 'a-z-' 'A-Z_')"
  user="CANDOR_KAFKA_USERNAME_$var" password="CANDOR_KAFKA_PASSWORD_$var"
  if [ -n "${!password:-}" ]; then
    KAFKA_USERNAMES[$name]="${!user:-$name}"
    KAFKA_PASSWORDS[$name]="${!password}"
  else # your own Kafka with one login for all (KAFKA_SASL_USERNAME/_PASSWORD), or none
    KAFKA_USERNAMES[$name]="${KAFKA_SASL_USERNAME:-}"
    KAFKA_PASSWORDS[$name]="${KAFKA_SASL_PASSWORD:-}"
  fi
  unset "$user" "$password"
done
unset CANDOR_KAFKA_ADMIN_USERNAME CANDOR_KAFKA_ADMIN_PASSWORD

# Postgres: each service runs as its own role (DATABASE_URL_<SERVICE> of scripts/infra.sh env), granted only its own
# schema; with your own Postgres and one DATABASE_URL for all, that one. The others' URLs stay out of its environment.
declare -A DATABASE_URLS=()
for name in "${SERVICES[@]}"; do
  var="DATABASE_URL_$(printf '%s' "$name" | tr 'a-z-' 'A-Z_')"
  DATABASE_URLS[$name]="${!var:-$DATABASE_URL}"
  unset "$var"
done

# Keys: the local Vault when built (each service with its own AppRole), else the local provider.
declare -A VAULT_ROLE_IDS=() VAULT_SECRET_IDS=()
if [ "${KEY_PROVIDER:-}" = local ]; then
  echo "[start] KEY_PROVIDER=local: keys in Postgres under LOCAL_MASTER_KEY" >&2
elif [ -n "${VAULT_ADDR:-}" ]; then
  echo "[start] VAULT_ADDR is set: using that Vault with your VAULT_* settings, not starting one" >&2
  export KEY_PROVIDER="${KEY_PROVIDER:-vault}"
elif bash scripts/vault.sh path >/dev/null; then
  if ! bash scripts/vault.sh status 2>/dev/null | grep -q '^vault: running'; then STARTED_VAULT=1; fi
  bash scripts/vault.sh up
  eval "$(bash scripts/vault.sh env)"
  for name in "${SERVICES[@]}"; do
    var="$(printf '%s' "$name" | tr 'a-z-' 'A-Z_')"
    role="CANDOR_VAULT_ROLE_ID_$var" secret="CANDOR_VAULT_SECRET_ID_$var"
    VAULT_ROLE_IDS[$name]="${!role}"
    VAULT_SECRET_IDS[$name]="${!secret}"
    unset "$role" "$secret"
  done
  # the services get their own AppRole only, never the root token
  unset CANDOR_VAULT_ROOT_TOKEN
  export KEY_PROVIDER=vault VAULT_AUTH_METHOD=approle
else
  echo "[start] keys: local provider; for a real Vault build it once with \`bash scripts/vault.sh build\` (~20 minutes)" >&2
  export KEY_PROVIDER=local
fi

mkdir -p "$LOGS"
# Values already in the environment win over the generated ones.
PRESET_BOOTSTRAP_API_KEY="${BOOTSTRAP_API_KEY:-}"
PRESET_VISITOR_TOKEN_SECRET="${VISITOR_TOKEN_SECRET:-}"
PRESET_LOCAL_MASTER_KEY="${LOCAL_MASTER_KEY:-}"
if [ ! -f .candor/dev.env ]; then
  (
    umask 077
    echo "BOOTSTRAP_API_KEY=$(node -e 'process.stdout.write(require("crypto").randomBytes(24).toString("hex"))')"
    echo "VISITOR_TOKEN_SECRET=$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))')"
    echo "LOCAL_MASTER_KEY=$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))')"
  ) > .candor/dev.env
  chmod 600 .candor/dev.env
fi
set -a
# shellcheck disable=SC1091
source .candor/dev.env
set +a
export BOOTSTRAP_API_KEY="${PRESET_BOOTSTRAP_API_KEY:-$BOOTSTRAP_API_KEY}"
export VISITOR_TOKEN_SECRET="${PRESET_VISITOR_TOKEN_SECRET:-$VISITOR_TOKEN_SECRET}"
# A dev.env from before the key library has no master key yet: add one.
if [ -z "${LOCAL_MASTER_KEY:-}" ]; then
  LOCAL_MASTER_KEY="$(node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))')"
  echo "LOCAL_MASTER_KEY=$LOCAL_MASTER_KEY" >> .candor/dev.env
fi
export LOCAL_MASTER_KEY="${PRESET_LOCAL_MASTER_KEY:-$LOCAL_MASTER_KEY}"

echo "[start] building" >&2
npx swc apps libs -d dist --quiet

for name in "${SERVICES[@]}"; do
  # A session of its own: Ctrl-C reaches only this script, which stops the services in order (TERM, drain).
  login=()
  if [ -n "${VAULT_ROLE_IDS[$name]:-}" ]; then
    login=(VAULT_APPROLE_ROLE_ID="${VAULT_ROLE_IDS[$name]}" VAULT_APPROLE_SECRET_ID="${VAULT_SECRET_IDS[$name]}")
  fi
  DATABASE_URL="${DATABASE_URLS[$name]}" \
    KAFKA_SASL_USERNAME="${KAFKA_USERNAMES[$name]}" KAFKA_SASL_PASSWORD="${KAFKA_PASSWORDS[$name]}" \
    env "${login[@]}" PORT="${PORTS[$name]}" setsid node "dist/apps/$name/src/main.js" >"$LOGS/$name.log" 2>&1 &
  PIDS+=($!)
done

for name in "${SERVICES[@]}"; do
  url="http://127.0.0.1:${PORTS[$name]}"
  for _ in $(seq 1 120); do
    if curl -fsS "$url/health/ready" >/dev/null 2>&1; then break; fi
    sleep 0.5
  done
  if ! curl -fsS "$url/health/ready" >/dev/null 2>&1; then
    echo "[start] $name did not become ready; last log lines:" >&2
    tail -n 20 "$LOGS/$name.log" >&2
    exit 1
  fi
  printf '  %-15s %s   (API docs %s/docs, logs %s)\n' "$name" "$url" "$url" ".candor/logs/$name.log"
done
echo
echo "Candor is running. Operator bootstrap key: see .candor/dev.env. Ctrl-C stops everything."
wait -n "${PIDS[@]}" || true
echo "[start] a service exited; see .candor/logs" >&2
