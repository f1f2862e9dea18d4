#!/usr/bin/env bash
# Worker crash drill (C6): two service processes form one Quartz cluster; a job starts on the
# first, which is killed with kill -9 mid-job; the second finds the node dead, runs the job again,
# and the job's effect is applied exactly once. Exits non-zero when a check fails.
# Needs: a built jar (./mvnw package), PostgreSQL and Redis as for the tests, curl, psql.
set -euo pipefail
cd "$(dirname "$0")/.."

port_a="${DRILL_PORT_A:-18092}"
port_b="${DRILL_PORT_B:-18093}"
db="fieldguide_workerdrill_$$"
# shellcheck source=scripts/drill-lib.sh
. scripts/drill-lib.sh
work="$(mktemp -d)"
key="drill-$$"
sql() { psql -h 127.0.0.1 -U postgres -d "$db" -Atqc "$1"; }

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

start_node() { # $1 = port, $2 = log name; prints the pid
  # Two nodes on one machine: each takes a free gRPC port instead of both wanting 9090.
  "$java_bin" -jar "$jar" --server.port="$1" --fieldguide.grpc.port=0 \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" \
    --fieldguide.outbox.stream="orders.events.workerdrill-$$" --fieldguide.seed.enabled=false \
    >"$work/$2.log" 2>&1 &
  echo $!
}

echo "== node A on :$port_a"
pid_a="$(start_node "$port_a" a)"; pids+=("$pid_a")
await_ready "$port_a"

echo "== a job whose first attempt works for 60 s"
token="$(FIELDGUIDE_URL="http://127.0.0.1:$port_a" ./token admin drill-operator)"
location="$(curl -sf -D - -o /dev/null -X POST "http://127.0.0.1:$port_a/api/v1/jobs" \
  -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
  -d "{\"type\": \"apply-once\", \"arguments\": {\"key\": \"$key\", \"workMillis\": 60000}}" \
  | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')"
run_id="${location##*/}"
for _ in $(seq 1 60); do
  [ "$(sql "SELECT state FROM job_runs WHERE id = '$run_id'")" = RUNNING ] && break
  sleep 0.5
done
echo "run $run_id is RUNNING on node A"

echo "== node B on :$port_b joins the cluster"
pid_b="$(start_node "$port_b" b)"; pids+=("$pid_b")
await_ready "$port_b"

echo "== kill -9 node A mid-job"
started="$(date +%s)"
kill -9 "$pid_a"

for _ in $(seq 1 120); do
  [ "$(sql "SELECT state FROM job_runs WHERE id = '$run_id'")" = SUCCEEDED ] && break
  sleep 0.5
done
state="$(sql "SELECT state FROM job_runs WHERE id = '$run_id'")"
attempts="$(sql "SELECT attempts FROM job_runs WHERE id = '$run_id'")"
applied="$(sql "SELECT coalesce((SELECT applied FROM job_demo_effects WHERE effect_key = '$key'), 0)")"
echo "after $(( $(date +%s) - started )) s: state=$state attempts=$attempts effect applied=$applied"
if [ "$state" != SUCCEEDED ] || [ "$applied" != 1 ]; then
  tail -n 30 "$work/b.log"
  echo "drill: FAIL — the job did not complete exactly once on node B" >&2
  exit 1
fi
echo "drill: PASS — node A killed mid-job; node B ran the job again; effect applied once"
