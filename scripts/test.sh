#!/usr/bin/env bash
# The one command that runs every test (`npm test`): starts Postgres and Kafka
# on 127.0.0.1 (scripts/infra.sh) and a real Vault (scripts/vault.sh, built the first
# time; prepared by infra/vault/setup.sh, one AppRole per service), runs Jest — unit tests
# and the integration tests against the real database, broker and Vault — with JSON
# results in .candor/test-results/jest.json, then type-checks, lints and checks
# formatting. Stops what it started afterwards. With CANDOR_SKIP_VAULT_BUILD=1 an unbuilt
# Vault is not built, and the Vault suites (apps/candor-e2e/src/keys/vault-*) fail saying how to build it.
# Extra arguments go to Jest, e.g. `npm test -- apps/candor-e2e/src/first-path`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
export NX_DAEMON=false NX_NO_CLOUD=true KAFKAJS_NO_PARTITIONER_WARNING=1

# A fresh clone: install the npm dependencies first.
[ -d node_modules ] || npm ci --no-audit --no-fund

STARTED_INFRA=0
STARTED_VAULT=0
stop_started() {
  if [ "$STARTED_VAULT" = 1 ]; then bash scripts/vault.sh down || true; fi
  if [ "$STARTED_INFRA" = 1 ]; then bash scripts/infra.sh down || true; fi
}
trap stop_started EXIT

if bash scripts/infra.sh status >/dev/null 2>&1; then
  echo "[test] using the infrastructure that is already running" >&2
else
  STARTED_INFRA=1
  bash scripts/infra.sh up
fi
eval "$(bash scripts/infra.sh env)"

# The tests run against a real Vault: build it the first time (once, ~20 min; cached under ~/.cache/candor).
# CANDOR_SKIP_VAULT_BUILD=1 skips that, and the Vault suites then fail saying how to build it.
if ! bash scripts/vault.sh path >/dev/null && [ "${CANDOR_SKIP_VAULT_BUILD:-0}" != 1 ]; then
  echo "[test] building the real Vault once (about 20 minutes; see scripts/vault.sh)" >&2
  bash scripts/vault.sh build
fi
if bash scripts/vault.sh path >/dev/null; then
  if bash scripts/vault.sh status 2>/dev/null | grep -q '^vault: running'; then
    echo "[test] using the Vault that is already running" >&2
  else
    STARTED_VAULT=1
  fi
  # also when running: unseals it, and applies changed policies (infra/vault) through setup.sh
  bash scripts/vault.sh up
  eval "$(bash scripts/vault.sh env)"
else
  echo "[test] Vault is not built, so the Vault suites will fail: build it once with \`bash scripts/vault.sh build\` (~20 min)" >&2
fi

mkdir -p .candor/test-results
status=0
# --forceExit is a safety net only: every suite closes its services, but a stray
# client timer must never hold CI until its deadline.
npx jest --ci --maxWorkers=2 --forceExit --json --outputFile=.candor/test-results/jest.json "$@" || status=$?

echo "[test] type-check, lint, format" >&2
npx tsc -p tsconfig.json || status=1
npx nx show projects >/dev/null # builds the project graph the module-boundary rule reads
npx eslint apps libs scripts || status=1
npx prettier --check . >/dev/null || { npx prettier --check . || true; status=1; }

exit "$status"
