#!/usr/bin/env bash
# The one command that runs every test (`npm test`): starts Postgres and Kafka
# on 127.0.0.1 (scripts/infra.sh), runs Jest — unit tests and the integration
# tests against the real database and broker — with JSON results in
# .candor/test-results/jest.json, then type-checks, lints and checks formatting.
# Stops the infrastructure afterwards if it started it.
# Extra arguments go to Jest, e.g. `npm test -- apps/candor-e2e/src/first-path`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
export NX_DAEMON=false NX_NO_CLOUD=true KAFKAJS_NO_PARTITIONER_WARNING=1

# A fresh clone: install the npm dependencies first.
[ -d node_modules ] || npm ci --no-audit --no-fund

if bash scripts/infra.sh status >/dev/null 2>&1; then
  echo "[test] using the infrastructure that is already running" >&2
else
  bash scripts/infra.sh up
  trap 'bash scripts/infra.sh down' EXIT
fi
eval "$(bash scripts/infra.sh env)"

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
