#!/usr/bin/env bash
# The capacity curve: one Gatling run of a scenario (default product-read) per offered rate,
# stepped up (FIELDGUIDE_LOAD_RATE x 1..FIELDGUIDE_LOAD_STEPS, each FIELDGUIDE_LOAD_SECONDS long;
# the stress profile's 50/s, 5 steps, 20 s unless set; after a warm-up run at the first rate),
# against the running service at
# $FIELDGUIDE_URL. Each run's console summary gives requests, failures, p50, p99 and throughput;
# CapacityCurve turns them into docs/performance/capacity.svg (saturation marked) and prints a
# markdown table.   Usage: scripts/capacity-curve.sh [scenario]   (or ./load capacity [scenario])
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/drill-lib.sh
. scripts/drill-lib.sh

scenario="${1:-product-read}"
rate="${FIELDGUIDE_LOAD_RATE:-50}"
steps="${FIELDGUIDE_LOAD_STEPS:-5}"
seconds="${FIELDGUIDE_LOAD_SECONDS:-20}"
out="${CAPACITY_SVG:-docs/performance/capacity.svg}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A value of the last "Global Information" block Gatling printed: its Total column, no commas.
global() { # log, label
  awk -F'|' -v label="$2" '/---- Global Information/ { block = 1 }
    block && index($1, label) { gsub(/[ ,]/, "", $2); value = $2 }
    END { print (value == "" || value == "-") ? 0 : value }' "$1"
}
failed() { # log: the KO column of the request count
  awk -F'|' '/---- Global Information/ { block = 1 }
    block && /> request count/ { gsub(/[ ,]/, "", $4); value = $4 }
    END { print (value == "" || value == "-") ? 0 : value }' "$1"
}

# A warm-up at the first step's rate, not recorded: the first step is the baseline the saturation
# test compares the others with, and a JIT still compiling the hot path would make it the slowest.
echo "capacity: warm-up, $scenario at FIELDGUIDE_LOAD_RATE=$rate for ${seconds}s (not recorded)"
FIELDGUIDE_LOAD_RATE="$rate" FIELDGUIDE_LOAD_STEPS=1 FIELDGUIDE_LOAD_SECONDS="$seconds" \
  ./load "$scenario" stress -Dgatling.noReports=true >"$work/warm-up.log" 2>&1 || true

for step in $(seq 1 "$steps"); do
  step_rate=$((rate * step))
  log="$work/step-$step.log"
  echo "capacity: step $step of $steps, $scenario at FIELDGUIDE_LOAD_RATE=$step_rate for ${seconds}s"
  # One step per run (stress: only the invariants are asserted, so a saturated step still
  # reports its figures).
  FIELDGUIDE_LOAD_RATE="$step_rate" FIELDGUIDE_LOAD_STEPS=1 FIELDGUIDE_LOAD_SECONDS="$seconds" \
    ./load "$scenario" stress >"$log" 2>&1 || echo "capacity: step $step's run failed (see its figures)"
  requests="$(global "$log" '> request count')"
  # What was offered: every arrival the open model sent in the step's time.
  offered="$(awk -v r="$requests" -v s="$seconds" 'BEGIN { printf "%.1f", r / s }')"
  echo "$offered,$requests,$(failed "$log"),$(global "$log" '50th percentile'),$(global "$log" '99th percentile'),$(global "$log" 'mean throughput')" >>"$work/steps.csv"
  tail -n 1 "$work/steps.csv"
done

"$java_bin" -cp load-tests/target/test-classes dev.fieldguide.load.CapacityCurve "$work/steps.csv" "$out"
echo "capacity: wrote $out"
