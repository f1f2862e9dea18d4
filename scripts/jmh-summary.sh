#!/usr/bin/env bash
# P9's JMH run, summed up for the docs (python-core.md, through scripts/record.sh jmh): runs every
# java-core benchmark (about 3 minutes; JMH's own progress goes to target/jmh-console.txt) and
# prints one line per benchmark and size from target/jmh-results.json: each method's mean time
# per operation with JMH's 99.9 % error interval, and its time over the fastest method's.
# Usage: scripts/jmh-summary.sh [JMH options, e.g. MembershipBenchmark -p size=100]
set -euo pipefail
cd "$(dirname "$0")/.."
console="java-core/target/jmh-console.txt"
mkdir -p java-core/target
if ! ./mvnw -B -ntp -q -pl java-core -am -Pbenchmarks verify -Djmh.args="$*" >"$console" 2>&1; then
  tail -n 40 "$console" >&2
  exit 1
fi
vm="$(sed -n 's/^# VM version: //p' "$console" | head -n 1)"
echo "JMH on ${vm:-an unknown VM}; mean time per operation ± 99.9 % interval; x = its time over the fastest of its line"
python3 - java-core/target/jmh-results.json <<'PY'
import json, sys
from collections import defaultdict

rows = defaultdict(dict)  # (class, size) -> method -> (score, error)
for result in json.load(open(sys.argv[1])):
    cls, method = result["benchmark"].rsplit(".", 1)
    size = result.get("params", {}).get("size", "-")
    metric = result["primaryMetric"]
    error = metric["scoreError"]  # "NaN" (a string) when there is a single iteration
    rows[(cls.rsplit(".", 1)[1], size)][method] = (
        metric["score"], float(error), metric["scoreUnit"])


def order(key):
    cls, size = key
    return cls, int(size) if size.isdigit() else 0


for (cls, size), methods in sorted(rows.items(), key=lambda item: order(item[0])):
    fastest = min(score for score, _, _ in methods.values())
    cells = [f"{m} {s:,.1f} ± {e:,.1f} {unit} ({s / fastest:,.1f}x)"
             for m, (s, e, unit) in sorted(methods.items(), key=lambda item: -item[1][0])]
    print(f"{cls}{'' if size == '-' else f' size={size}'}: " + "; ".join(cells))
PY
