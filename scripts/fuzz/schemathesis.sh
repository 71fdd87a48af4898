#!/usr/bin/env bash
# Proves that the five services' OpenAPI documents and their behaviour agree: runs Schemathesis
# (property-based API testing) against each running service's /docs-json with every check
# (server errors, undocumented status codes, content types, response schemas, requests the
# document allows but the service refuses and the reverse, 405 with Allow for undeclared methods,
# auth that is ignored, use after delete, ...) and every phase: examples, coverage, fuzzing and
# stateful. The stateful phase needs no OpenAPI links: Schemathesis (4.x) infers them from Location
# headers and from the responses' fields (dependency analysis).
#
# The services must be running (`npm start`). Prints one summary line per run and exits non-zero
# if any run found a failure or could not run.
#
# Environment (all optional):
#   CANDOR_CONVERSATION_URL, CANDOR_BOT_ENGINE_URL, CANDOR_HANDOFF_URL, CANDOR_CONSENT_LEDGER_URL,
#   CANDOR_DSR_URL         base URLs (default http://127.0.0.1:4101 … :4105)
#   FUZZ_API_KEY           an admin API key (cnd_…) to test with (an agent key is issued with it for
#                          the handoff service); without it a tenant is created
#                          through POST /v1/tenants with BOOTSTRAP_API_KEY (taken from the environment,
#                          else from .candor/dev.env). With BOOTSTRAP_API_KEY the operator routes
#                          (POST/DELETE /v1/tenants) are tested too, last
#   FUZZ_SITE_KEY, FUZZ_ORIGIN  with FUZZ_API_KEY: that tenant's site key and an allowed origin, so
#                          conversations really start (set for the tenant this script creates)
#   FUZZ_MAX_EXAMPLES      test cases per operation and phase (default 25: 2 to 3 minutes on 2 cores;
#                          100: about 5 minutes)
#   FUZZ_SEED              a seed, to reproduce a run
#   FUZZ_WORKERS           concurrent workers (default 1)
#   FUZZ_REPORT_DIR        where JUnit reports go (default .candor/fuzz-reports)
#   FUZZ_SERVICES          which services to test (default: all five, space-separated names)
#
# Schemathesis is installed into .candor/fuzz-venv at the version pinned in
# scripts/fuzz/requirements.txt (PyPI access is needed once); settings are in
# scripts/fuzz/schemathesis.toml.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
cd "$ROOT"
FUZZ_DIR="$ROOT/scripts/fuzz"
VENV="$ROOT/.candor/fuzz-venv"
REQUIREMENTS="$FUZZ_DIR/requirements.txt"
CONFIG="$FUZZ_DIR/schemathesis.toml"
REPORT_DIR="${FUZZ_REPORT_DIR:-$ROOT/.candor/fuzz-reports}"
MAX_EXAMPLES="${FUZZ_MAX_EXAMPLES:-25}"
WORKERS="${FUZZ_WORKERS:-1}"

declare -A URLS=(
  [conversation]="${CANDOR_CONVERSATION_URL:-http://127.0.0.1:4101}"
  [bot-engine]="${CANDOR_BOT_ENGINE_URL:-http://127.0.0.1:4102}"
  [handoff]="${CANDOR_HANDOFF_URL:-http://127.0.0.1:4103}"
  [consent-ledger]="${CANDOR_CONSENT_LEDGER_URL:-http://127.0.0.1:4104}"
  [dsr]="${CANDOR_DSR_URL:-http://127.0.0.1:4105}"
)
read -r -a SERVICES <<<"${FUZZ_SERVICES:-conversation bot-engine handoff consent-ledger dsr}"

log() { echo "[fuzz] $*" >&2; }

# --- Schemathesis, at the pinned version ------------------------------------------------------
pinned="$(sed -n 's/^schemathesis==//p' "$REQUIREMENTS")"
installed="$("$VENV/bin/st" --version 2>/dev/null | sed -n 's/.*version //p' || true)"
if [ "$installed" != "$pinned" ]; then
  log "installing schemathesis $pinned into ${VENV#"$ROOT"/}"
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQUIREMENTS"
fi

# --- The services answer ----------------------------------------------------------------------
for name in "${SERVICES[@]}"; do
  [ -n "${URLS[$name]:-}" ] || { log "unknown service: $name"; exit 2; }
  if ! curl -fsS -o /dev/null --max-time 5 "${URLS[$name]}/health/ready"; then
    log "$name is not ready at ${URLS[$name]} (start the stack with npm start)"
    exit 2
  fi
done

# --- A credential -----------------------------------------------------------------------------
json_field() { "$VENV/bin/python" -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

if [ -z "${BOOTSTRAP_API_KEY:-}" ] && [ -f .candor/dev.env ]; then
  BOOTSTRAP_API_KEY="$(sed -n 's/^BOOTSTRAP_API_KEY=//p' .candor/dev.env)"
fi
API_KEY="${FUZZ_API_KEY:-}"
SITE_KEY="${FUZZ_SITE_KEY:-}"
ORIGIN="${FUZZ_ORIGIN:-https://fuzz.example}"
if [ -z "$API_KEY" ]; then
  if [ -z "${BOOTSTRAP_API_KEY:-}" ]; then
    log "set FUZZ_API_KEY (an admin API key) or BOOTSTRAP_API_KEY (to create a tenant)"
    exit 2
  fi
  created="$(curl -fsS --max-time 30 -X POST "${URLS[conversation]}/v1/tenants" \
    -H "Authorization: Bearer $BOOTSTRAP_API_KEY" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Schemathesis $(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"allowedOrigins\":[\"$ORIGIN\"]}")"
  API_KEY="$(json_field "d['adminApiKey']['apiKey']" <<<"$created")"
  SITE_KEY="$(json_field "d['tenant']['siteKey']" <<<"$created")"
  log "created tenant $(json_field "d['tenant']['id']" <<<"$created") for this run"
fi

# The handoff service's operation is for agents: an agent key of the same tenant.
AGENT_KEY="$(curl -fsS --max-time 30 -X POST "${URLS[conversation]}/v1/api-keys" \
  -H "Authorization: Bearer $API_KEY" -H 'Content-Type: application/json' \
  -d '{"role":"agent","label":"schemathesis"}' | json_field "d['apiKey']")"

# Keys reach the other services through Kafka: wait until each of them knows them.
for name in "${SERVICES[@]}"; do
  for key in "$API_KEY" "$AGENT_KEY"; do
    for attempt in $(seq 1 60); do
      status="$(curl -sS -o /dev/null -w '%{http_code}' --max-time 5 \
        -H "Authorization: Bearer $key" "${URLS[$name]}/v1/auth/principal" || true)"
      [ "$status" = 200 ] && break
      if [ "$attempt" = 60 ]; then
        log "$name does not accept the API keys (last status $status)"
        exit 2
      fi
      sleep 1
    done
  done
done

# --- Runs -------------------------------------------------------------------------------------
mkdir -p "$REPORT_DIR"
# With the tenant's site key and allowed origin, POST /v1/conversations mostly starts real conversations (instead
# of answering 401 to made-up site keys), and the stateful phase goes on with them.
RUN_CONFIG="$REPORT_DIR/schemathesis.toml"
cp "$CONFIG" "$RUN_CONFIG"
if [ -n "$SITE_KEY" ]; then
  cat >>"$RUN_CONFIG" <<EOF

[dictionaries.site-keys]
values = ["$SITE_KEY"]

[dictionaries.origins]
values = ["$ORIGIN"]

[parameters]
"body.siteKey" = { dictionary = "site-keys", probability = 0.9 }
"header.Origin" = { dictionary = "origins", probability = 0.9 }
EOF
fi
ST=("$VENV/bin/st" --config-file "$RUN_CONFIG" --no-color)
# Hypothesis keeps its example database and caches under the working directory unless told otherwise.
export HYPOTHESIS_STORAGE_DIRECTORY="$ROOT/.candor/hypothesis"
SUMMARIES=()
FAILED=0

# run <label> <service> <credential> [extra st arguments...]
run() {
  local label="$1" name="$2" credential="$3"
  shift 3
  local output="$REPORT_DIR/$label.txt" junit="$REPORT_DIR/$label.junit.xml" status=0
  local seed=()
  [ -n "${FUZZ_SEED:-}" ] && seed=(--seed "$FUZZ_SEED")
  log "testing $label (${URLS[$name]}/docs-json)"
  "${ST[@]}" run "${URLS[$name]}/docs-json" \
    --checks all \
    --phases examples,coverage,fuzzing,stateful \
    --max-examples "$MAX_EXAMPLES" \
    --workers "$WORKERS" \
    --request-timeout 30 \
    --wait-for-schema 30 \
    --header "Authorization: Bearer $credential" \
    --report junit --report-junit-path "$junit" \
    "${seed[@]}" "$@" >"$output" 2>&1 || status=$?
  SUMMARIES+=("$(summarise "$label" "$status" "$output" "$junit")")
  if [ "$status" != 0 ]; then
    FAILED=1
    # The failures, with a curl command reproducing each (credentials are filtered out), or why it did not run.
    if grep -qE '^=+ (FAILURES|ERRORS) =+$' "$output"; then
      sed -n '/^=* FAILURES =*$/,/^=* SUMMARY =*$/p;/^=* ERRORS =*$/,/^=* SUMMARY =*$/p' "$output" >&2
    else
      tail -n 20 "$output" >&2
    fi
  fi
}

# One line: label, verdict, operations, test cases, failures, time (from the JUnit report and the output).
summarise() {
  local label="$1" status="$2" output="$3" junit="$4"
  "$VENV/bin/python" - "$label" "$status" "$output" "$junit" <<'PY'
import re, sys, xml.etree.ElementTree as ET
label, status, output, junit = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
text = open(output, encoding="utf-8", errors="replace").read()
operations = re.search(r"Tested: (\d+)", text)
cases = re.search(r"(\d+) generated", text)
failures = re.search(r"(\d+) unique failures?\b", text)
last = text.strip().splitlines()[-1].strip("= ") if text.strip() else "no output"
try:
    suites = ET.parse(junit).getroot()
    errors = sum(int(s.get("errors", 0)) for s in suites.iter("testsuite"))
except Exception:
    errors = 0
verdict = "PASS" if status == 0 else "FAIL"
print(
    f"{label:<30} {verdict}  operations {operations.group(1) if operations else '?'}, "
    f"cases {cases.group(1) if cases else '?'}, failures {failures.group(1) if failures else 0}, "
    f"errors {errors}  ({last})"
)
PY
}

for name in "${SERVICES[@]}"; do
  if [ "$name" = conversation ]; then
    # Operator routes take the bootstrap key: tested apart, last (below).
    run conversation conversation "$API_KEY" --exclude-path-regex '^/v1/tenants'
  elif [ "$name" = handoff ]; then
    run handoff handoff "$AGENT_KEY"
  else
    run "$name" "$name" "$API_KEY"
  fi
done
# Creating and off-boarding tenants, with the bootstrap key. Last, because the stateful phase off-boards tenants
# (the ones it created itself: it only learns the ids of this run's responses).
if [[ " ${SERVICES[*]} " == *" conversation "* ]]; then
  if [ -n "${BOOTSTRAP_API_KEY:-}" ]; then
    run conversation-operator conversation "$BOOTSTRAP_API_KEY" --include-path-regex '^/v1/tenants'
  else
    log "no BOOTSTRAP_API_KEY: POST /v1/tenants and DELETE /v1/tenants/{tenantId} not tested"
  fi
fi

echo
echo "Schemathesis $pinned, $MAX_EXAMPLES examples per operation (reports in ${REPORT_DIR#"$ROOT"/}):"
printf '  %s\n' "${SUMMARIES[@]}"
exit "$FAILED"
