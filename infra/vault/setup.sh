#!/usr/bin/env bash
# Prepares a Vault (or OpenBao) for Candor, through its HTTP API with curl only:
#   - Transit at candor-transit (tenants' key-encryption keys),
#   - KV v2 at candor-kv (subjects' wrapped data keys),
#   - one least-privilege policy per service (policies/<service>.hcl, as candor-<service>),
#   - AppRole at approle, one role per service (candor-<service>) bound to its policy.
# Idempotent: what exists is left as it is; policies and roles are rewritten.
# Prints each service's role_id; secret ids are issued per deployment:
#   curl -H "X-Vault-Token: ..." -X POST "$VAULT_ADDR/v1/auth/approle/role/candor-<service>/secret-id"
#
# Usage: VAULT_ADDR=https://vault:8200 VAULT_TOKEN=<admin token> [VAULT_NAMESPACE=...] infra/vault/setup.sh
#
# scripts/vault.sh runs it against the real Vault it builds and starts for `npm start` and `npm test`;
# the tests log every service in with its own AppRole under these policies
# (apps/candor-e2e/src/keys/vault-*.integration-spec.ts).
# Kubernetes auth needs the cluster's details (kubernetes_host, CA); configure it per cluster
# and bind one role per service account to the same candor-<service> policies.
set -euo pipefail

: "${VAULT_ADDR:?VAULT_ADDR must point at the Vault server}"
: "${VAULT_TOKEN:?VAULT_TOKEN must hold a token allowed to manage mounts, auth methods and policies}"

SERVICES=(conversation bot-engine handoff consent-ledger dsr)
POLICY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/policies"

# vault_api METHOD PATH [JSON]: prints the answer body; exits on any non-2xx answer.
vault_api() {
  local method=$1 path=$2 body=${3:-}
  local args=(--silent --show-error --request "$method" --write-out '\n%{http_code}')
  args+=(--header "X-Vault-Token: $VAULT_TOKEN")
  if [[ -n ${VAULT_NAMESPACE:-} ]]; then args+=(--header "X-Vault-Namespace: $VAULT_NAMESPACE"); fi
  if [[ -n $body ]]; then args+=(--header 'Content-Type: application/json' --data "$body"); fi
  local answer status
  answer=$(curl "${args[@]}" "${VAULT_ADDR%/}/v1/$path")
  status=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  if [[ $status != 2* ]]; then
    echo "Vault answered $status to $method $path: $answer" >&2
    exit 1
  fi
  printf '%s' "$answer"
}

# json_string FILE: the file's text as a JSON string.
json_string() {
  local text
  text=$(<"$1")
  text=${text//\\/\\\\}
  text=${text//\"/\\\"}
  text=${text//$'\t'/\\t}
  text=${text//$'\r'/}
  text=${text//$'\n'/\\n}
  printf '"%s"' "$text"
}

enable_secrets_engine() {
  local path=$1 body=$2
  local mounts
  mounts=$(vault_api GET sys/mounts)
  if [[ $mounts == *"\"$path/\""* ]]; then
    echo "secrets engine $path/ already enabled"
  else
    vault_api POST "sys/mounts/$path" "$body" >/dev/null
    echo "secrets engine $path/ enabled"
  fi
}

enable_secrets_engine candor-transit '{"type":"transit","description":"Candor tenant keys"}'
enable_secrets_engine candor-kv '{"type":"kv","options":{"version":"2"},"description":"Candor wrapped subject keys"}'

auth_methods=$(vault_api GET sys/auth)
if [[ $auth_methods == *'"approle/"'* ]]; then
  echo "auth method approle/ already enabled"
else
  vault_api POST sys/auth/approle '{"type":"approle"}' >/dev/null
  echo "auth method approle/ enabled"
fi

for service in "${SERVICES[@]}"; do
  vault_api PUT "sys/policies/acl/candor-$service" "{\"policy\":$(json_string "$POLICY_DIR/$service.hcl")}" >/dev/null
  vault_api POST "auth/approle/role/candor-$service" \
    "{\"token_policies\":[\"candor-$service\"],\"token_ttl\":\"1h\",\"token_max_ttl\":\"24h\"}" >/dev/null
  role_id=$(vault_api GET "auth/approle/role/candor-$service/role-id" | sed -n 's/.*"role_id": *"\([^"]*\)".*/\1/p')
  echo "candor-$service role_id=$role_id"
done
