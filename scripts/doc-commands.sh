#!/usr/bin/env bash
# The docs' API calls, run (issue 23): start the lab-enabled application on a fresh database with
# its demo seed, as the README's run command does, and run every curl the README and docs/ show
# against it (scripts/doc-commands.py says which and how they are judged). A call that answers a
# status the doc does not expect (a 401 for a missing token, a 404 for a renamed path) fails.
# Needs: the built jar (./mvnw package), PostgreSQL, Redis, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${DOCS_PORT:-18085}"
db="fieldguide_docs_$$"
stream="orders.events.docs-$$"
# shellcheck source=scripts/drill-lib.sh
. scripts/drill-lib.sh
log="$(mktemp)"

cleanup() {
  if [ -n "${lab_pid:-}" ]; then
    kill "$lab_pid" 2>/dev/null && wait "$lab_pid" 2>/dev/null || true
  fi
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  redis-cli del "$stream" >/dev/null 2>&1 || true
  rm -f "$log"
}
trap cleanup EXIT

psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
start_lab_jar "$port" "$db" "$stream" "$log"
python3 scripts/doc-commands.py "http://127.0.0.1:$port"
