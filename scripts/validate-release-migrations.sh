#!/usr/bin/env bash
# T5: the migrations the last release shipped are still in this build, unchanged. Restores the
# release's schema snapshot (orders-service/src/test/resources/db/releases/, written by
# scripts/record-release-schema.sh) into a throwaway database, then runs Flyway's validate from
# the built jar against it (MigrationCommand validate-release): the only difference allowed is
# pending migrations, the build's new ones. A released SQL migration whose content changed (its
# checksum), or one the build no longer has, fails it. .ci/run runs it after the tests.
#
#   scripts/validate-release-migrations.sh [snapshot file]
#
# Needs the built jar (./mvnw -pl orders-service -am -DskipTests package) and psql. The server
# comes from PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ls orders-service/target/orders-service-*-exec.jar >/dev/null 2>&1; then
  echo "no built jar: ./mvnw -pl orders-service -am -DskipTests package" >&2
  exit 66
fi
source scripts/drill-lib.sh
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

if [ $# -ge 1 ]; then
  snapshot="$1"
else
  snapshots=(orders-service/src/test/resources/db/releases/*.sql)
  if [ "${#snapshots[@]}" -ne 1 ] || [ ! -f "${snapshots[0]}" ]; then
    echo "expected exactly one release snapshot in orders-service/src/test/resources/db/releases" >&2
    exit 66
  fi
  snapshot="${snapshots[0]}"
fi

db="fieldguide_release_check_$$"
cleanup() { psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; }
trap cleanup EXIT

started=$(date +%s%N)
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $db TEMPLATE template0"
# Plain pg_dump output (COPY ... FROM stdin, \restrict): psql's to run. Results to /dev/null,
# errors still on stderr.
psql -X -q -v ON_ERROR_STOP=1 --single-transaction -o /dev/null -d "$db" -f "$snapshot"
restored_ms=$(( ($(date +%s%N) - started) / 1000000 ))

status=0
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
  migration_command validate-release --logging.level.root=warn || status=$?
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "release migrations of $snapshot against this build: $([ "$status" -eq 0 ] && echo valid || echo INVALID)" \
  "in ${elapsed_ms} ms (restore ${restored_ms} ms)"
exit "$status"
