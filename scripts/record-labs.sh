#!/usr/bin/env bash
# Records what the labs measure (issue 23): start the lab-enabled application on a fresh database
# with its demo seed, as the README's run command does, run each lab named (default: every lab a
# doc includes a recording of) and keep its whole report in docs/measured/lab-<name>.txt, under a
# line saying when, at which commit, on what and with which seed it ran; then copy the recordings
# into the docs that include them (scripts/measured.py). A lab that does not pass is not recorded.
# A lab is recorded again with the seed of its last recording (the docs of pagination, N+1 and
# reporting speak of 1,000,000 orders); RECORD_SEED overrides it, e.g.
#   RECORD_SEED="customers=10000 products=1000 orders=1000000" scripts/record-labs.sh pagination
# and a lab recorded for the first time gets the lab jar's own seed.
# Usage: scripts/record-labs.sh [lab...]     Needs: the built jar, PostgreSQL, Redis, curl.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${RECORD_PORT:-18086}"
db="fieldguide_record_$$"
stream="orders.events.record-$$"
default_seed="customers=200 products=100 orders=2000"
# shellcheck source=scripts/drill-lib.sh
. scripts/drill-lib.sh
log="$(mktemp)"
report="$(mktemp)"

stop() {
  if [ -n "${lab_pid:-}" ]; then
    kill "$lab_pid" 2>/dev/null && wait "$lab_pid" 2>/dev/null || true
    lab_pid=""
  fi
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  redis-cli del "$stream" >/dev/null 2>&1 || true
}
trap 'stop; rm -f "$log" "$report"' EXIT

seed_of() { # the seed a lab was last recorded with
  local recording="docs/measured/lab-$1.txt" seed=""
  [ -f "$recording" ] && seed="$(sed -n '1s/.*, seed //p' "$recording")"
  echo "${RECORD_SEED:-${seed:-$default_seed}}"
}

failed=()

record_with_seed() { # seed, labs...: one application on a fresh database for these labs
  local seed="$1" setting lab started
  shift
  local seed_args=()
  for setting in $seed; do
    seed_args+=("--fieldguide.seed.$setting")
  done
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
  started=$(date +%s)
  # A seed of a million orders takes minutes to load and analyze before the app is ready.
  READY_SECONDS=1800 start_lab_jar "$port" "$db" "$stream" "$log" "${seed_args[@]}"
  echo "== seed $seed: ready in $(( $(date +%s) - started )) s"
  for lab in "$@"; do
    if FIELDGUIDE_URL="http://127.0.0.1:$port" ./lab "$lab" >"$report" 2>&1; then
      { echo "$(recording_header), seed $seed"
        echo "\$ ./lab $lab"
        cat "$report"; } >"docs/measured/lab-$lab.txt"
      echo "recorded: $lab"
    else
      cat "$report"
      failed+=("$lab")
    fi
  done
  stop
}

labs=("$@")
if [ ${#labs[@]} -eq 0 ]; then
  mapfile -t labs < <(grep -rhoE '<!-- measured: lab-[a-z0-9-]+\.txt -->' docs README.md \
    | sed -E 's/.*lab-([a-z0-9-]+)\.txt.*/\1/' | sort -u)
fi
mapfile -t seeds < <(for lab in "${labs[@]}"; do seed_of "$lab"; done | sort -u)
for seed in "${seeds[@]}"; do
  with_seed=()
  for lab in "${labs[@]}"; do
    [ "$(seed_of "$lab")" = "$seed" ] && with_seed+=("$lab")
  done
  record_with_seed "$seed" "${with_seed[@]}"
done
python3 scripts/measured.py
if [ ${#failed[@]} -gt 0 ]; then
  echo "not recorded (did not pass): ${failed[*]}" >&2
  exit 1
fi
