#!/usr/bin/env bash
# CI's load smoke: start the lab-enabled service on a fresh database of its own, run every Gatling
# simulation's smoke profile against it (./load all smoke: seconds each, SLOs and invariants
# asserted), print one line per simulation and fail when any assertion or invariant failed.
# The rate-limit burst runs against the lab's lab-burst policy (capacity 10, refill 10/s), so its
# one caller is refused within the smoke's seconds on any machine.
# Needs: the built lab jar (./mvnw package), PostgreSQL, Redis, curl.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${LOAD_SMOKE_PORT:-18090}"
db="fieldguide_load_smoke_$$"
stream="orders.events.load-smoke-$$"
# shellcheck source=scripts/drill-lib.sh
. scripts/drill-lib.sh
work="$(mktemp -d)"

service_pid=""
cleanup() {
  [ -n "$service_pid" ] && { kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true; }
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  redis-cli del "$stream" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

"$java_bin" -jar "$jar" --server.port="$port" --fieldguide.grpc.port=0 \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" \
  --fieldguide.outbox.stream="$stream" >"$work/service.log" 2>&1 &
service_pid=$!
if ! await_ready "$port"; then
  tail -n 80 "$work/service.log"
  exit 1
fi

load_exit=0
started=$(date +%s)
# With reports: their console summary (Global Information) is where the p99 comes from.
FIELDGUIDE_URL="http://127.0.0.1:$port" FIELDGUIDE_BURST_POLICY=lab-burst ./load all smoke \
  >"$work/load.log" 2>&1 || load_exit=$?

# One line per simulation, from its console output: the last Global Information block's
# requests, failures and p99, whether every assertion held, and what its invariant measured.
awk -F'|' '
  function flush() {
    if (sim == "") return
    printf "%-28s %6s requests, %4s KO, p99 %5s ms, assertions %s%s\n", sim, total, ko, p99,
      (failed ? "FAILED (" failed ")" : "held"), invariant
  }
  /^Simulation dev\.fieldguide\.load\..* started/ {
    flush(); sim = $0; sub(/^Simulation dev\.fieldguide\.load\./, "", sim); sub(/ started.*/, "", sim)
    total = ko = p99 = "?"; failed = 0; invariant = ""
  }
  /> request count/ { t = $2; k = $4; gsub(/[ ,]/, "", t); gsub(/[ ,]/, "", k); total = t; ko = (k == "-" ? 0 : k) }
  /> response time 99th percentile/ { p = $2; gsub(/[ ,]/, "", p); p99 = p }
  /^invariant / { line = $0; sub(/^invariant [^:]*: /, "", line); invariant = invariant "; " line }
  / : false \(/ { failed++ }
  END { flush() }' "$work/load.log"

if [ "$load_exit" -ne 0 ]; then
  grep -E ' : false \(|^\[ERROR\]' "$work/load.log" | head -n 40 >&2 || true
  echo "load smoke: an SLO or invariant failed (./load all smoke exited $load_exit)" >&2
  exit 1
fi
echo "load smoke: every simulation held its SLOs and invariants ($(( $(date +%s) - started )) s)"
