#!/usr/bin/env bash
# Runs the Schemathesis suite (scripts/fuzz/schemathesis.sh) against a stack of its own: starts Candor the way
# `npm start` does (scripts/start.sh, in a session of its own), waits until every service is ready, fuzzes the
# five OpenAPI documents, then stops the stack (services, Vault and the infrastructure it started) whatever
# happened. Exits with the fuzzing's status. Used by .ci/run after the Jest suites.
#
# Environment: FUZZ_STACK_TIMEOUT (seconds to wait for the stack, default 600) and every FUZZ_* setting of
# scripts/fuzz/schemathesis.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
cd "$ROOT"
mkdir -p .candor/logs
LOG=.candor/logs/fuzz-stack.log

setsid bash scripts/start.sh >"$LOG" 2>&1 </dev/null &
stack=$!
stop_stack() {
  # start.sh stops its services, Vault and infrastructure on SIGTERM (a background script ignores SIGINT).
  kill -TERM -- "-$stack" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$stack" 2>/dev/null || return 0; sleep 1; done
  kill -KILL -- "-$stack" 2>/dev/null || true
}
trap stop_stack EXIT

deadline=$((SECONDS + ${FUZZ_STACK_TIMEOUT:-600}))
until grep -q 'Candor is running' "$LOG"; do
  if ! kill -0 "$stack" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
    echo "[fuzz] the stack did not start; last lines of $LOG:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
  sleep 2
done

bash scripts/fuzz/schemathesis.sh
