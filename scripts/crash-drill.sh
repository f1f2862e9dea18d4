#!/usr/bin/env bash
# Crash drill (D5/PG9): start the service as its own process, send a burst of orders, kill -9 it
# mid-burst, start it again, and check that every committed order's event was published and that
# each consumer applied each event exactly once. Exits non-zero when a check fails.
# Needs: a built jar (./mvnw package), PostgreSQL and Redis as for the tests, curl, psql.
set -euo pipefail
cd "$(dirname "$0")/.."

orders="${DRILL_ORDERS:-400}"
parallel="${DRILL_PARALLEL:-8}"
kill_after="${DRILL_KILL_AFTER:-100}"   # kill once this many orders have committed
port="${DRILL_PORT:-18090}"
db="fieldguide_drill_$$"
stream="orders.events.drill-$$"
# shellcheck source=scripts/drill-lib.sh
. scripts/drill-lib.sh
work="$(mktemp -d)"
url="http://127.0.0.1:$port"
sql() { psql -h 127.0.0.1 -U postgres -d "$db" -Atqc "$1"; }

service_pid=""
cleanup() {
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  redis-cli del "$stream" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

start_service() {
  "$java_bin" -jar "$jar" --server.port="$port" --fieldguide.grpc.port=0 \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" \
    --fieldguide.outbox.stream="$stream" \
    >>"$work/service.log" 2>&1 &
  service_pid=$!
  for _ in $(seq 1 120); do
    curl -sf "$url/actuator/health/readiness" >/dev/null && return 0
    sleep 1
  done
  tail -n 50 "$work/service.log"
  echo "drill: the service did not become ready" >&2
  return 1
}

echo "== start"
start_service
customer="$(sql "INSERT INTO customers (email, name) VALUES ('drill-$$@example.test', 'Crash Drill') RETURNING id")"
product="$(sql "UPDATE products SET stock = stock + $orders WHERE id = (SELECT min(id) FROM products) RETURNING id")"
committed() { sql "SELECT count(*) FROM orders WHERE customer_id = $customer"; }

echo "== burst of $orders orders, $parallel at a time; kill -9 after $kill_after commits"
body="{\"customerId\": $customer, \"lines\": [{\"productId\": $product, \"quantity\": 1}]}"
token="$(FIELDGUIDE_URL="$url" ./token customer "$customer")"
seq 1 "$orders" | xargs -P "$parallel" -I{} curl -s -o /dev/null -w '%{http_code}\n' \
  --max-time 10 -X POST "$url/api/v1/orders" -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $token" \
  -H "Idempotency-Key: drill-$$-{}" -d "$body" >"$work/statuses" 2>/dev/null &
burst_pid=$!
until [ "$(committed)" -ge "$kill_after" ]; do sleep 0.05; done
kill -9 "$service_pid"
wait "$service_pid" 2>/dev/null || true
service_pid=""
at_kill="$(committed)"
echo "killed with $at_kill orders committed"
wait "$burst_pid" || true

echo "== restart and let the relay and consumers catch up"
start_service
final_committed="$(committed)"
events() { sql "SELECT count(*) FROM outbox_events e JOIN orders o ON e.aggregate_id = o.id::text WHERE e.aggregate_type = 'order' AND o.customer_id = $customer AND e.status = '$1'"; }
for _ in $(seq 1 120); do
  [ "$(events SENT)" -eq "$final_committed" ] \
    && [ "$(sql "SELECT count(*) FROM notifications WHERE customer_id = $customer")" -ge "$final_committed" ] \
    && [ "$(sql "SELECT coalesce(sum(orders), 0) FROM daily_sales")" -ge "$final_committed" ] && break
  sleep 0.5
done

published="$(events SENT)"
notifications="$(sql "SELECT count(*) FROM notifications WHERE customer_id = $customer")"
notified_orders="$(sql "SELECT count(DISTINCT order_id) FROM notifications WHERE customer_id = $customer")"
counted="$(sql "SELECT coalesce(sum(orders), 0) FROM daily_sales")"
answered_201="$(grep -c '^201$' "$work/statuses" || true)"
messages="$(redis-cli xlen "$stream")"
echo "responses 201: $answered_201 of $orders (the rest failed while the service was down)"
echo "orders committed: $final_committed | events published: $published | stream messages: $messages (more than events = published again after the crash) | notifications: $notifications (distinct orders $notified_orders) | sales counted: $counted"

failed=0
check() { if [ "$1" -eq "$2" ]; then echo "  [PASS] $3"; else echo "  [FAIL] $3 ($1 != $2)"; failed=1; fi; }
check "$published" "$final_committed" "events published = orders committed (none lost)"
check "$notifications" "$final_committed" "one notification per order (none twice)"
check "$notified_orders" "$final_committed" "every order notified"
check "$counted" "$final_committed" "sales counters count every order once"
exit "$failed"
