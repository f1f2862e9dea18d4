#!/usr/bin/env bash
# Trace smoke (O2): the api and worker roles run as two processes with the OpenTelemetry Java agent
# attached and JSON logs on; an order placed on the api is relayed and consumed on the worker, and
# the worker's log line for the consumed event must carry the trace_id of the api's access line for
# the request. Exits non-zero when a check fails.
# Needs: a built jar and agent (./mvnw package), PostgreSQL and Redis as for the tests, curl, psql.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/drill-lib.sh
. scripts/drill-lib.sh

api_port="${SMOKE_API_PORT:-18180}"
worker_port="${SMOKE_WORKER_PORT:-18181}"
db="fieldguide_tracesmoke_$$"
agent="orders-service/target/otel/opentelemetry-javaagent.jar"
work="$(mktemp -d)"
[ -f "$agent" ] || { echo "smoke: $agent is missing (./mvnw package copies it)" >&2; exit 1; }

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

start_role() { # $1 = role, $2 = port; prints the pid
  OTEL_SERVICE_NAME="field-guide-$1" OTEL_TRACES_EXPORTER=none OTEL_METRICS_EXPORTER=none \
    OTEL_LOGS_EXPORTER=none \
    "$java_bin" -javaagent:"$agent" -jar "$jar" --spring.profiles.active="$1" \
    --server.port="$2" --fieldguide.grpc.port=0 --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" \
    --fieldguide.outbox.stream="orders.events.tracesmoke-$$" --fieldguide.seed.orders=20 \
    >"$work/$1.log" 2>&1 &
  echo $!
}

# The field of a JSON log line, without needing jq.
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

echo "== api on :$api_port (seeds the demo data first), worker on :$worker_port, agent attached"
pids+=("$(start_role api "$api_port")")
await_ready "$api_port"
pids+=("$(start_role worker "$worker_port")")
await_ready "$worker_port"

echo "== place an order on the api"
token="$(FIELDGUIDE_URL="http://127.0.0.1:$api_port" ./token customer 1)"
status="$(curl -s -o "$work/order.json" -w '%{http_code}' -X POST \
  "http://127.0.0.1:$api_port/api/v1/orders" -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $token" \
  -H "Idempotency-Key: smoke-$$" -d '{"customerId": 1, "lines": [{"productId": 1, "quantity": 1}]}')"
[ "$status" = 201 ] || { echo "smoke: FAIL — order not placed (HTTP $status)"; cat "$work/order.json"; exit 1; }
# The access line is written as the request completes, which can be a moment after curl has the
# response: wait for it (bounded) instead of reading the log once.
api_line=""
for _ in $(seq 1 40); do
  api_line="$(grep '"POST /api/v1/orders 201' "$work/api.log" | tail -n 1 || true)"
  [ -n "$api_line" ] && break
  sleep 0.25
done
[ -n "$api_line" ] || { echo "smoke: FAIL — no access line for the order on the api"; tail -n 5 "$work/api.log"; exit 1; }
trace_id="$(field trace_id <<<"$api_line")"
span_id="$(field span_id <<<"$api_line")"
echo "api access line: trace_id=$trace_id span_id=$span_id"
[ -n "$trace_id" ] && [ -n "$span_id" ] || { echo "smoke: FAIL — the api line has no agent trace/span id"; echo "$api_line"; exit 1; }

echo "== wait for the worker to consume the order's event"
worker_line=""
for _ in $(seq 1 60); do
  worker_line="$(grep "applied by notifications" "$work/worker.log" | grep "\"trace_id\":\"$trace_id\"" || true)"
  [ -n "$worker_line" ] && break
  sleep 0.5
done
if [ -z "$worker_line" ]; then
  echo "smoke: FAIL — no worker line for the event with trace_id $trace_id; worker lines were:"
  grep "applied by" "$work/worker.log" | tail -n 5 || true
  exit 1
fi
echo "worker line: $(field message <<<"$worker_line") trace_id=$(field trace_id <<<"$worker_line") span_id=$(field span_id <<<"$worker_line")"
echo "smoke: PASS — one trace across api and worker processes"
