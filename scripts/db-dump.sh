#!/usr/bin/env bash
# PG10: a logical dump of one database in pg_dump's custom format (-Fc: compressed, restorable
# table by table and in parallel with pg_restore -j). Prints the file, its size and the time taken.
#
#   scripts/db-dump.sh [database] [output file] [-- extra pg_dump options]
#
# database defaults to $PGDATABASE or fieldguide; the file to backups/<database>-<UTC time>.dump.
# The server comes from the libpq variables: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres),
# PGPASSWORD. Options after "--" go to pg_dump as they are, e.g. "--snapshot=<id>" to dump exactly
# what another transaction sees (the restore drill test does that), or "--exclude-table=...".
# pg_dump must be at least the server's major version (it refuses newer servers).
set -euo pipefail

database="${1:-${PGDATABASE:-fieldguide}}"
output="${2:-backups/$database-$(date -u +%Y%m%dT%H%M%SZ).dump}"
shift "$(( $# < 2 ? $# : 2 ))"
[ "${1:-}" = "--" ] && shift
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

mkdir -p "$(dirname "$output")"
partial="$output.partial"
trap 'rm -f "$partial"' EXIT

started=$(date +%s%N)
# Written under a temporary name and renamed at the end: a dump that failed half-way never looks
# like a finished one.
pg_dump --format=custom --dbname="$database" --file="$partial" "$@"
mv "$partial" "$output"
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))

bytes=$(stat -c %s "$output")
echo "dumped $database from $PGHOST:$PGPORT to $output: $bytes bytes in ${elapsed_ms} ms"
