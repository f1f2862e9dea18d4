#!/usr/bin/env bash
# Labs under foreign load: start the lab-enabled service on a fresh database, a second instance of
# it on the same database, Redis and stream (a second node of the same build: it serves requests,
# consumes events and runs jobs, the labs' fixture tasks included), keep Gatling traffic on the
# first and a reader on the second, and run every lab. A lab that measures something server-wide
# (Redis' command counts, all of a table, a process-wide meter) instead of its own requests fails
# here. Exits non-zero when a lab fails or the load was not running for the whole lab run.
# Needs: the built jars and load-tests classes (./mvnw verify), PostgreSQL, Redis, curl.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${LABS_PORT:-18080}"
second_port=$((port + 1))
db="fieldguide_labs_$$"
# A stream of its own: another instance on this machine (a developer's, in db 0) must not consume
# the events this run's labs count. Both instances of this run share it, as a deployment would.
stream="orders.events.labs-$$"
# shellcheck source=scripts/drill-lib.sh
. scripts/drill-lib.sh
work="$(mktemp -d)"
url="http://127.0.0.1:$port"

pids=()
gatling_pid=""
cleanup() {
  # Gatling runs in a process group of its own (below): Maven forks Gatling's JVM, and stopping
  # Maven alone left that JVM sending load at a stopped service for the rest of its 900 s.
  if [ -n "$gatling_pid" ]; then
    kill -- "-$gatling_pid" 2>/dev/null || true
  fi
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  redis-cli del "$stream" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

start() { # name, port, extra arguments...
  local name="$1" port="$2"
  shift 2
  local status=0
  start_lab_jar "$port" "$db" "$stream" "$work/$name.log" "$@" || status=$?
  pids+=("$lab_pid") # stopped at exit, ready or not
  return "$status"
}

started=$(date +%s)
start service "$port"
echo "ready on an empty database in $(( $(date +%s) - started ))s"
order="$(curl -sf -H "Authorization: Bearer $(FIELDGUIDE_URL="$url" ./token admin ci)" \
  "$url/api/v1/orders/1")"
echo "GET /api/v1/orders/1 -> ${order:0:200}..."
# After the first instance has migrated and seeded: the second only joins.
start second-instance "$second_port" --fieldguide.seed.enabled=false
echo "second instance ready on :$second_port (same database, Redis and stream)"

# Foreign load on both: Gatling's mixed traffic on the first (longer than the labs take; stopped
# when they end) and a steady anonymous reader on the second (rate limiter and cache in Redis).
FIELDGUIDE_URL="$url" FIELDGUIDE_LOAD_RATE="${LABS_LOAD_RATE:-20}" FIELDGUIDE_LOAD_SECONDS=900 \
  setsid ./mvnw -q -pl load-tests gatling:test \
  -Dgatling.simulationClass=dev.fieldguide.load.MixedTrafficSimulation >"$work/gatling.log" 2>&1 &
gatling_pid=$!
pids+=("$gatling_pid")
(while :; do
  curl -s -o /dev/null "http://127.0.0.1:$second_port/api/v1/products/2"
  sleep 0.02
done) &
pids+=($!)
# The labs start once Gatling's requests are flowing (its console reports every 5 s).
for _ in $(seq 1 120); do
  grep -q "GET product" "$work/gatling.log" 2>/dev/null && break
  if ! kill -0 "$gatling_pid" 2>/dev/null; then
    cat "$work/gatling.log"
    echo "labs under load: Gatling did not start" >&2
    exit 1
  fi
  sleep 1
done
echo "Gatling's mixed traffic is running against :$port"

labs_exit=0
FIELDGUIDE_URL="$url" ./lab all || labs_exit=$?

if ! kill -0 "$gatling_pid" 2>/dev/null; then
  tail -n 40 "$work/gatling.log"
  echo "labs under load: Gatling stopped before the labs ended; the load did not cover them" >&2
  exit 1
fi
echo "== the foreign load while the labs ran (Gatling's last console report)"
# Gatling prints a report between two rules of '=' every 5 s; the last complete one.
report="$(awk '/^={10,}/ { if (block ~ /Requests/) last = block; block = ""; next }
  { block = block $0 "\n" } END { printf "%s", last }' "$work/gatling.log")"
printf '%s\n' "$report" | sed -n '1,/^---- Errors/p'
ok="$(printf '%s\n' "$report" | awk -F'|' '/^> Global/ { gsub(/[ ,]/, "", $3); print $3 }')"
if [ "${ok:-0}" -eq 0 ]; then
  echo "labs under load: Gatling reports no successful request; the load did not reach the service" >&2
  exit 1
fi
exit "$labs_exit"
