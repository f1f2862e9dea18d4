#!/usr/bin/env bash
# T5: record the schema of a release as its production databases have it, for the migration
# smoke test (PreviousReleaseMigrationIntegrationTests) and the CI check of released migrations
# (scripts/validate-release-migrations.sh). Run it on the release's commit, once its jar is built
# (./mvnw -pl orders-service -am -DskipTests package):
#
#   scripts/record-release-schema.sh <release name>        e.g. wave-3
#
# It migrates an empty database with the jar's migrations (MigrationCommand: Flyway alone, so no
# demo data and no job rows), dumps it with pg_dump as plain SQL (the schema, flyway_schema_history
# with its checksums, and the few rows migrations insert themselves), writes that to
# orders-service/src/test/resources/db/releases/<release name>.sql in place of the previous
# release's file, and checks the new file with scripts/validate-release-migrations.sh.
# The server comes from PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: $0 <release name, e.g. wave-3>" >&2; exit 64; }
[ $# -eq 1 ] && [[ "$1" =~ ^[a-z0-9][a-z0-9.-]*$ ]] || usage
release="$1"
dir=orders-service/src/test/resources/db/releases
output="$dir/$release.sql"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

# The file names a commit: the migrations must be that commit's, and the jar built from them.
if [ -n "$(git status --porcelain -- orders-service/src/main/resources/db/migration \
  ':(glob)orders-service/src/main/java/**/V[0-9]*__*.java')" ]; then
  echo "migrations differ from commit $(git rev-parse --short HEAD): record a release from its commit" >&2
  exit 65
fi
if ! ls orders-service/target/orders-service-*-exec.jar >/dev/null 2>&1; then
  echo "no built jar: ./mvnw -pl orders-service -am -DskipTests package" >&2
  exit 66
fi
source scripts/drill-lib.sh
if [ -n "$(find orders-service/src/main -type f -newer "$service_jar" | head -n 1)" ]; then
  echo "$service_jar is older than the sources: ./mvnw -pl orders-service -am -DskipTests package" >&2
  exit 66
fi

db="fieldguide_release_$$"
partial="$output.partial"
cleanup() {
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -f "$partial"
}
trap cleanup EXIT

started=$(date +%s%N)
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $db TEMPLATE template0"
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
  migration_command migrate --logging.level.root=warn
sql() { psql -X -At -v ON_ERROR_STOP=1 -d "$db" -c "$1"; }
head_version="$(sql "SELECT version FROM flyway_schema_history WHERE success
  ORDER BY installed_rank DESC LIMIT 1")"
# Row counts of the tables that have rows (query_to_xml: a count per table in one statement).
rows="$(sql "SELECT string_agg(format('%s (%s)', table_name, n), ', ' ORDER BY table_name)
  FROM (SELECT table_name, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n
          FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text::int AS n
        FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE') t WHERE n > 0")"

{
  echo "-- Release $release: the database schema at commit $(git rev-parse --short HEAD)" \
    "($(git log -1 --format=%cs)), migrations up to V$head_version."
  echo "-- What every database of that release has besides its own data: the schema,"
  echo "-- flyway_schema_history with the checksums Flyway validates against, and the rows the"
  echo "-- migrations insert themselves. Rows: $rows."
  echo "-- Recorded by scripts/record-release-schema.sh $release: the built jar's MigrationCommand"
  echo "-- migrated an empty database, then pg_dump $(pg_dump --version | awk '{print $3}')" \
    "--no-owner --no-privileges dumped it."
  echo "-- Load it with psql (COPY ... FROM stdin, \\restrict): PreviousReleaseMigrationIntegrationTests"
  echo "-- and scripts/validate-release-migrations.sh do. Replace it (same script) when a release lands."
  echo
  pg_dump --no-owner --no-privileges --dbname="$db"
} >"$partial"
mv "$partial" "$output"
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "recorded release $release (V$head_version) in $output: $(stat -c %s "$output") bytes in ${elapsed_ms} ms"

# One snapshot, the last release's: the smoke test migrates from it.
for previous in "$dir"/*.sql; do
  if [ "$previous" != "$output" ]; then
    rm "$previous"
    echo "removed the previous release's $previous"
  fi
done
bash scripts/validate-release-migrations.sh "$output"
