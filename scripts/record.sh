#!/usr/bin/env bash
# Records a command's output for the docs (issue 23): runs the command, keeps what it printed in
# docs/measured/<name>.txt under a line saying when, at which commit and on what it ran, and a
# line with the command itself, then copies the recording into the docs that include it
# (scripts/measured.py). Nothing is recorded when the command fails. Run it on a machine doing
# nothing else: the figures become the doc's.
#   scripts/record.sh benchmark scripts/benchmark.sh       the side-by-side benchmark (performance.md)
#   scripts/record.sh jmh ./mvnw -B -ntp -q -pl java-core -Pbenchmarks verify   (python-core.md)
# Labs have their own recorder, which starts the application first: scripts/record-labs.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
name="$1"
shift
# shellcheck source=scripts/drill-lib.sh
. scripts/drill-lib.sh
output="$(mktemp)"
trap 'rm -f "$output"' EXIT

header="$(recording_header)"
"$@" | tee "$output"
{ echo "$header"; echo "\$ $*"; cat "$output"; } >"docs/measured/$name.txt"
python3 scripts/measured.py
