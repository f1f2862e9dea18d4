#!/usr/bin/env bash
# The side-by-side benchmark (issue 21): the lab-enabled service (the service as it ships, every
# production feature on, plus the lab's routes and demo seed) beside the minimal Spring Boot app
# of benchmarks/, on one fresh database with the same seeded data, the same JDK 25 and the same
# client (wrk -t2 -c16). Each pair runs minimal, service, minimal, service... and the table shows
# each side's mean 2xx answers per second, the ratio service/minimal and the issue's target.
#   scripts/benchmark.sh                  all pairs: trivial liveness product orders
#   scripts/benchmark.sh product          one pair (or several, by name)
# Environment: BENCH_SECONDS (10) per wrk run; BENCH_ROUNDS (2) runs per side; BENCH_WARMUP_SECONDS
# (90) at most per endpoint and side before measuring, in 5 s rounds until three agree within 5%;
# BENCH_ORDERS (4000: 20 for each of the 200 seeded customers, so an order page is a full 20); BENCH_PORT (18400; the minimal app takes the next one);
# BENCH_JFR=1 records the service during the measured runs (stacks up to 512 frames) and prints
# the .jfr file; its flame graph (JDK 25, after ./mvnw -B -ntp -q -pl benchmarks package -DskipTests):
#   java -cp benchmarks/target/classes dev.fieldguide.benchmarks.FlameGraph rec.jfr out.svg --thread-prefix tomcat-handler
# BENCH_SERVICE_ARGS="--name=value ..." adds settings to the service's command line (to measure
# what one feature costs, e.g. --logging.level.dev.fieldguide.orders.access=OFF).
# BENCH_SERVICE_JAR=path measures that lab jar instead of this build's (an older build, for a
# before/after: each run's ratios are against the same minimal app).
# Exits 0 whatever the ratios (a benchmark, not a gate); non-zero when a build or a start fails.
# Needs PostgreSQL and Redis on 127.0.0.1, wrk, curl, psql, redis-cli.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A target=([trivial]=0.5 [liveness]=0.8 [product]=1.0 [orders]=0.5)
if [ $# -eq 0 ]; then
  pairs=(trivial liveness product orders)
else
  pairs=("$@")
fi
for pair in "${pairs[@]}"; do
  if [ -z "${target[$pair]:-}" ]; then
    echo "benchmark: no pair named '$pair'; the pairs are ${!target[*]}" >&2
    sed -n '7,8p' "$0" | sed 's/^# //' >&2
    exit 2
  fi
done

seconds="${BENCH_SECONDS:-10}"
rounds="${BENCH_ROUNDS:-2}"
warmup="${BENCH_WARMUP_SECONDS:-90}"
orders="${BENCH_ORDERS:-4000}"
port="${BENCH_PORT:-18400}"
minimal_port=$((port + 1))
db="fieldguide_bench_$$"
stream="orders.events.bench-$$"
# The service's "api" rate-limit policy for this run: far above what wrk reaches, so the limiter
# still runs on every request (one Redis script call) but never refuses one.
rate_limit=100000000

# Build when a jar is missing or older than any source or POM.
stale() { # $1 = jar path (may not exist)
  [ ! -f "$1" ] || [ -n "$(find pom.xml java-core orders-service orders-lab benchmarks \
    -name target -prune -o -type f -newer "$1" -print -quit)" ]
}
lab_jar="$(ls orders-lab/target/orders-lab-*.jar 2>/dev/null | head -n 1 || true)"
minimal_jar="$(ls benchmarks/target/benchmarks-*.jar 2>/dev/null | head -n 1 || true)"
if [ -z "${BENCH_SERVICE_JAR:-}" ] && stale "${lab_jar:-/nonexistent}" \
  || stale "${minimal_jar:-/nonexistent}"; then
  echo "== building the lab jar and the minimal app"
  ./mvnw -B -ntp -q -pl orders-service,orders-lab,benchmarks -am package -DskipTests \
    -Djacoco.skip=true
  lab_jar="$(ls orders-lab/target/orders-lab-*.jar | head -n 1)"
  minimal_jar="$(ls benchmarks/target/benchmarks-*.jar | head -n 1)"
fi
lab_jar="${BENCH_SERVICE_JAR:-$lab_jar}"
# shellcheck source=scripts/drill-lib.sh
. scripts/drill-lib.sh
# Seeding 4,000 orders while another build runs on this machine can take minutes.
READY_SECONDS="${READY_SECONDS:-300}"
jcmd_bin="${java_home:+$java_home/bin/}jcmd"

work="$(mktemp -d)"
pids=()
# A Redis database of the run's own, claimed as test runs claim theirs (TestRun), so the service's
# cache, buckets and stream never meet another instance's on this machine.
claim_prefix="fieldguide:test-run:redis-db:"
redis_db=""
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  if [ -n "$redis_db" ]; then
    redis-cli -n "$redis_db" FLUSHDB >/dev/null 2>&1 || true
    redis-cli EVAL "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0" \
      1 "$claim_prefix$redis_db" "bench-$$" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
for index in $(seq 1 15); do
  if [ "$(redis-cli SET "$claim_prefix$index" "bench-$$" NX EX 21600)" = "OK" ]; then
    redis_db="$index"
    break
  fi
done
if [ -z "$redis_db" ]; then
  echo "benchmark: Redis databases 1..15 are all claimed by test runs; try again later" >&2
  exit 1
fi

start() { # name, ready URL, command...
  local name="$1" ready="$2"
  shift 2
  "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
  if ! await_url "$ready"; then
    tail -n 60 "$work/$name.log"
    exit 1
  fi
}

psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
jdbc_url="jdbc:postgresql://127.0.0.1:5432/$db"
service="http://127.0.0.1:$port"
minimal="http://127.0.0.1:$minimal_port"
echo "== starting the lab jar on :$port (migrates and seeds $db), then the minimal app on :$minimal_port"
start service "$service/actuator/health/readiness" "$java_bin" -jar "$lab_jar" \
  --server.port="$port" --fieldguide.grpc.port=0 --spring.datasource.url="$jdbc_url" \
  --spring.data.redis.database="$redis_db" --fieldguide.outbox.stream="$stream" \
  --fieldguide.seed.orders="$orders" \
  --fieldguide.rate-limit.policies.api.capacity="$rate_limit" \
  --fieldguide.rate-limit.policies.api.refill-per-second="$rate_limit" ${BENCH_SERVICE_ARGS:-}
service_pid="${pids[-1]}"
# Fresh statistics for the planner (autovacuum may be off), before either app sends a query.
psql -h 127.0.0.1 -U postgres -d "$db" -qc "ANALYZE"
start minimal "$minimal/hello" "$java_bin" -jar "$minimal_jar" --server.port="$minimal_port" \
  --spring.datasource.url="$jdbc_url"

product="$(psql -h 127.0.0.1 -U postgres -d "$db" -Atc "SELECT min(id) FROM products")"
customer="$(psql -h 127.0.0.1 -U postgres -d "$db" -Atc \
  "SELECT customer_id FROM orders GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")"
bearer="Bearer $(FIELDGUIDE_URL="$service" ./token customer "$customer")"

# Each pair: the minimal app's path, the service's path, and whether both carry the token (the
# same request from the same client on either side).
path() { # side, pair
  case "$1:$2" in
    minimal:trivial | minimal:liveness) echo "/hello" ;;
    minimal:product) echo "/products/$product" ;;
    minimal:orders) echo "/orders?customerId=$customer&limit=20" ;;
    service:trivial) echo "/api/lab/ping" ;;
    service:liveness) echo "/actuator/health/liveness" ;;
    service:product) echo "/api/v1/products/$product" ;;
    service:orders) echo "/api/v1/orders?customerId=$customer&limit=20" ;;
  esac
}
url() { # side, pair
  if [ "$1" = minimal ]; then echo "$minimal$(path "$@")"; else echo "$service$(path "$@")"; fi
}
authorization() { # pair
  if [ "$1" = orders ]; then echo "$bearer"; fi
}
# One wrk run: "<2xx per second> <failed> <p50 ms> <p99 ms>".
measure() { # url, seconds, authorization
  BENCH_AUTHORIZATION="$3" wrk -t2 -c16 -d"$2s" -s scripts/benchmark.lua "$1" \
    | sed -n 's/^bench-result ok_per_second=\([0-9]*\) failed=\([0-9]*\) p50_ms=\([0-9.]*\) p99_ms=\([0-9.]*\)$/\1 \2 \3 \4/p'
}

echo "== $("$java_bin" -version 2>&1 | head -n 1), $(nproc) cores; data: 200 customers, 100 products, $orders orders (customer $customer, product $product)"
echo "== the service's rate limit is raised for this run (policy api: capacity and refill $rate_limit/s):"
echo "   the limiter still runs on every request but never refuses, so wrk measures the server"
for pair in "${pairs[@]}"; do
  for side in minimal service; do
    auth="$(authorization "$pair")"
    answer="$(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes' \
      ${auth:+-H "Authorization: $auth"} "$(url "$side" "$pair")")"
    printf '   %-8s %-7s GET %s -> %s\n' "$pair" "$side" "$(path "$side" "$pair")" "$answer"
  done
done

# The JIT needs load before a JVM runs at its steady speed, and the service (far more code on the
# request path) needs longer than the minimal app: about 50 s of wrk on this machine's 2 cores.
# Each side of each pair runs 5 s rounds until three in a row agree within 5% (a plateau one round
# long is common while the JIT works), or $warmup s pass.
echo "== warming up: 5 s rounds per endpoint per app until three agree within 5% (at most ${warmup}s)"
for pair in "${pairs[@]}"; do
  for side in minimal service; do
    previous=0
    agreed=0
    spent=0
    while [ "$spent" -lt "$warmup" ]; do
      read -r rate _ < <(measure "$(url "$side" "$pair")" 5 "$(authorization "$pair")")
      spent=$((spent + 5))
      if awk -v a="$previous" -v b="$rate" 'BEGIN { exit !(a > 0 && b <= a * 1.05 && b >= a * 0.95) }'; then
        agreed=$((agreed + 1))
        [ "$agreed" -ge 2 ] && break
      else
        agreed=0
      fi
      previous="$rate"
    done
    printf '   %-8s %-7s warm after %3s s (%s req/s)\n' "$pair" "$side" "$spent" "$rate"
  done
done

jfr_file=""
if [ "${BENCH_JFR:-0}" = 1 ]; then
  jfr_file="$PWD/benchmarks/target/benchmark-service-$(date +%Y%m%d-%H%M%S).jfr"
  # JFR keeps 64 frames by default, fewer than a request's filter chain: cut stacks cannot be
  # merged into a flame graph. The depth can be set only before the first recording starts.
  "$jcmd_bin" "$service_pid" JFR.configure stackdepth=512 >/dev/null
  "$jcmd_bin" "$service_pid" JFR.start name=benchmark settings=profile >/dev/null
fi

echo "== measuring: wrk -t2 -c16 -d${seconds}s, minimal and service alternating, rounds: $rounds"
declare -A sum failed
for pair in "${pairs[@]}"; do
  for round in $(seq 1 "$rounds"); do
    line="   $pair round $round:"
    for side in minimal service; do
      read -r rate errors p50 p99 < <(measure "$(url "$side" "$pair")" "$seconds" \
        "$(authorization "$pair")")
      sum[$pair:$side]=$(( ${sum[$pair:$side]:-0} + rate ))
      failed[$pair:$side]=$(( ${failed[$pair:$side]:-0} + errors ))
      line+=" $side $rate req/s (p50 $p50 ms, p99 $p99 ms, $errors failed);"
    done
    echo "${line%;}"
  done
done

if [ -n "$jfr_file" ]; then
  "$jcmd_bin" "$service_pid" JFR.stop name=benchmark filename="$jfr_file" >/dev/null
fi

echo
echo "== 2xx answers per second, the mean of $rounds runs of ${seconds}s per side; ratio = service / minimal"
printf '%-10s %14s %14s %7s %7s  %s\n' endpoint "minimal req/s" "service req/s" ratio target result
below=()
for pair in "${pairs[@]}"; do
  minimal_rate=$(( sum[$pair:minimal] / rounds ))
  service_rate=$(( sum[$pair:service] / rounds ))
  ratio="$(awk -v s="$service_rate" -v m="$minimal_rate" 'BEGIN { printf "%.2f", m ? s / m : 0 }')"
  if awk -v r="$ratio" -v t="${target[$pair]}" 'BEGIN { exit !(r >= t) }'; then
    result=PASS
  else
    result="BELOW TARGET"
    below+=("$pair")
  fi
  errors=$(( failed[$pair:minimal] + failed[$pair:service] ))
  if [ "$errors" -gt 0 ]; then
    result+=" ($errors requests failed: not comparable)"
  fi
  printf '%-10s %14s %14s %7s %7s  %s\n' "$pair" "$minimal_rate" "$service_rate" "$ratio" \
    "${target[$pair]}" "$result"
done
echo
if [ ${#below[@]} -gt 0 ]; then
  echo "BELOW TARGET: ${below[*]}"
else
  echo "every pair at or above its target"
fi
if [ -n "$jfr_file" ]; then
  echo "JFR recording of the service during the measured runs: $jfr_file"
fi
