#!/usr/bin/env bash
# PG10: restore a custom-format dump (scripts/db-dump.sh) into a NEW database, then ANALYZE it
# (a dump carries no planner statistics). Refuses to touch an existing database unless --replace
# is given, which drops it first (disconnecting its sessions).
#
#   scripts/db-restore.sh <dump file> <new database> [--replace]
#
# The server comes from PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD.
# RESTORE_JOBS sets pg_restore's parallel jobs (default: the CPU count, at most 4).
set -euo pipefail

usage() { echo "usage: $0 <dump file> <new database> [--replace]" >&2; exit 64; }
[ $# -ge 2 ] || usage
dump="$1" target="$2" replace="${3:-}"
[ -z "$replace" ] || [ "$replace" = "--replace" ] || usage
[ -f "$dump" ] || { echo "no dump file $dump" >&2; exit 66; }
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
cpus=$(nproc 2>/dev/null || echo 1)
jobs="${RESTORE_JOBS:-$(( cpus < 4 ? cpus : 4 ))}"

# Names go through psql variables (:'x' literal, :"x" identifier), never spliced into SQL.
admin() { psql -X -q -v ON_ERROR_STOP=1 -d postgres -v db="$target" "$@"; }

started=$(date +%s%N)
exists=$(echo "SELECT 1 FROM pg_database WHERE datname = :'db'" | admin -At)
if [ "$exists" = "1" ]; then
  if [ "$replace" != "--replace" ]; then
    echo "database $target already exists; restore into a new name, or pass --replace to drop it" >&2
    exit 65
  fi
  echo "dropping the existing database $target (--replace)"
  echo 'DROP DATABASE :"db" WITH (FORCE)' | admin
fi
# template0: nothing added to template1 on this server leaks into the restored database.
echo 'CREATE DATABASE :"db" TEMPLATE template0' | admin
# A restore that fails half-way leaves no half-filled database behind to be mistaken for a good one.
restored=0
drop_unless_restored() {
  if [ "$restored" -eq 0 ]; then
    echo "restore failed; dropping the incomplete database $target" >&2
    echo 'DROP DATABASE IF EXISTS :"db" WITH (FORCE)' | admin || true
  fi
}
trap drop_unless_restored EXIT

# --no-owner: objects belong to the restoring role, so the dump restores on a server without the
# original roles. --exit-on-error: a restore that skipped an object is a failed restore.
pg_restore --dbname="$target" --no-owner --exit-on-error --jobs="$jobs" "$dump"
restored_ms=$(( ($(date +%s%N) - started) / 1000000 ))

psql -X -q -v ON_ERROR_STOP=1 -d "$target" -c 'ANALYZE'
restored=1
tables=$(psql -X -At -d "$target" -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')")
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "restored $dump into $target on $PGHOST:$PGPORT: $tables tables, pg_restore --jobs=$jobs" \
  "in ${restored_ms} ms, with ANALYZE ${elapsed_ms} ms"
