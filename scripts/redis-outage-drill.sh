#!/usr/bin/env bash
# Redis outage drill (R1, DESIGN §8 "Redis down for 30 s"): run the service against a Redis of its
# own, read products at a steady pace, stop that Redis for 30 s, start it again, and count how many
# reads succeeded before, during and after. Exits non-zero when fewer than 99 % succeed during the
# outage or readiness drops. The machine's own Redis is never touched.
# Needs: a built jar (./mvnw package), PostgreSQL as for the tests, redis-server, curl, psql.
set -euo pipefail
cd "$(dirname "$0")/.."

outage="${DRILL_OUTAGE_SECONDS:-30}"
parallel="${DRILL_PARALLEL:-4}"
port="${DRILL_PORT:-18091}"
redis_port="${DRILL_REDIS_PORT:-16390}"
db="fieldguide_redisdrill_$$"
# shellcheck source=scripts/drill-lib.sh
. scripts/drill-lib.sh
work="$(mktemp -d)"
url="http://127.0.0.1:$port"

service_pid=""
cleanup() {
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

start_redis() {
  redis-server --port "$redis_port" --save "" --appendonly no --daemonize yes \
    --logfile "$work/redis.log" >/dev/null
  until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do sleep 0.1; done
}

# Reads random products (ids 1..100 of the demo seed) until $work/stop exists, one status per
# line into $work/$1; reader $2 has a token of its own ($work/token.$2), so the rate limiter (which
# also loses Redis) is exercised per reader but never the reason for a refusal.
read_products() {
  local token
  token="$(cat "$work/token.$2")"
  while [ ! -e "$work/stop" ]; do
    curl -s -o /dev/null -w '%{http_code}\n' --max-time 5 -H "Authorization: Bearer $token" \
      "$url/api/v1/products/$((RANDOM % 100 + 1))" >>"$work/$1" || echo 000 >>"$work/$1"
  done
}

# Runs the readers for $2 seconds, writing statuses to the file named $1.
phase() {
  rm -f "$work/stop"
  local readers=()
  for i in $(seq 1 "$parallel"); do
    read_products "$1" "$i" &
    readers+=($!)
  done
  local ready=0 checks=0
  for _ in $(seq 1 "$2"); do
    sleep 1
    checks=$((checks + 1))
    curl -sf "$url/actuator/health/readiness" >/dev/null && ready=$((ready + 1))
  done
  touch "$work/stop"
  wait "${readers[@]}"
  echo "$ready/$checks" >"$work/$1.readiness"
}

report() {
  local total ok
  total="$(wc -l <"$work/$1")"
  ok="$(grep -c '^200$' "$work/$1" || true)"
  echo "$1: $ok of $total reads 200 ($(awk "BEGIN {printf \"%.2f\", 100 * $ok / $total}") %)," \
    "readiness UP $(cat "$work/$1.readiness")"
}

echo "== start Redis on :$redis_port and the service on :$port"
start_redis
"$java_bin" -jar "$jar" --server.port="$port" --fieldguide.grpc.port=0 \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" \
  --spring.data.redis.port="$redis_port" \
  >"$work/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 1 120); do
  curl -sf "$url/actuator/health/readiness" >/dev/null && break
  sleep 1
done

for i in $(seq 1 "$parallel"); do
  FIELDGUIDE_URL="$url" ./token admin "drill-reader-$i" >"$work/token.$i"
done

echo "== 10 s of reads with Redis up"
phase before 10
echo "== Redis stopped for $outage s, reads continue"
redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
phase during "$outage"
echo "== Redis back (empty), 10 s of reads"
start_redis
phase after 10

report before
report during
report after
during_total="$(wc -l <"$work/during")"
during_ok="$(grep -c '^200$' "$work/during" || true)"
fallbacks="$(curl -s "$url/actuator/prometheus" | grep '^fieldguide_cache_fallbacks_total' || true)"
echo "$fallbacks"
if [ "$during_total" -eq 0 ] || [ $((during_ok * 100)) -lt $((during_total * 99)) ]; then
  echo "drill: FAIL — under 99 % of reads succeeded while Redis was down" >&2
  exit 1
fi
if [ "$(cut -d/ -f1 "$work/during.readiness")" != "$(cut -d/ -f2 "$work/during.readiness")" ]; then
  echo "drill: FAIL — readiness dropped while Redis was down" >&2
  exit 1
fi
echo "drill: PASS — reads kept succeeding from PostgreSQL while Redis was down"
