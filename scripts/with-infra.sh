#!/usr/bin/env bash
# Runs a command with the local infrastructure (scripts/infra.sh) up and its environment loaded, e.g.
#   bash scripts/with-infra.sh ts-node-transpile-only scripts/bench/foundation.bench.ts --playbook
# What this starts, it stops afterwards; infrastructure already running is used and left running.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
[ -d node_modules ] || npm ci --no-audit --no-fund

STARTED=0
trap '[ "$STARTED" = 1 ] && bash scripts/infra.sh down' EXIT
if ! bash scripts/infra.sh status >/dev/null 2>&1; then
  STARTED=1
  bash scripts/infra.sh up
fi
eval "$(bash scripts/infra.sh env)"
"$@"
