#!/usr/bin/env bash
# Records a run of the side-by-side benchmark (issue 23): runs scripts/benchmark.sh with the
# arguments and environment given, keeps its whole output in docs/measured/benchmark.txt under a
# line saying when, at which commit and on what it ran, and copies it into docs/performance.md
# (scripts/measured.py). Run it on a machine doing nothing else: the figures are the doc's.
# Usage: scripts/record-benchmark.sh [pair...]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/drill-lib.sh
. scripts/drill-lib.sh
output="$(mktemp)"
trap 'rm -f "$output"' EXIT

header="$(recording_header)"
scripts/benchmark.sh "$@" | tee "$output"
{ echo "$header"; echo "\$ scripts/benchmark.sh${*:+ $*}"; cat "$output"; } >docs/measured/benchmark.txt
python3 scripts/measured.py
