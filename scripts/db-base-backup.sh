#!/usr/bin/env bash
# PG10: a physical base backup of the whole cluster with pg_basebackup, into a dated directory:
# tar format, gzip-compressed, the WAL needed to make it consistent streamed alongside (-X stream),
# a backup manifest with SHA-256 checksums, and a fast checkpoint so it starts at once. Then the
# backup is checked with pg_verifybackup (on an extracted copy: before PostgreSQL 18 it reads only
# plain-format backups). With the WAL archive this is the starting point of a point-in-time
# recovery (docs/runbooks/postgres-pitr.md).
#
#   scripts/db-base-backup.sh [backup root]        (default backups/base; the backup goes to
#                                                   <root>/<UTC time>/)
#
# The server comes from PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD. It needs
# max_wal_senders > 0 (2 with -X stream), wal_level replica, a role with REPLICATION (or a
# superuser) and a pg_hba.conf line for it whose database column is "replication" ("all" does not
# cover replication connections). BASE_BACKUP_VERIFY=no skips the verification.
#
# When it is done it records the backup in the service's base_backups table (database PGDATABASE,
# default fieldguide; verified or not), from which the service exports the age of the newest
# verified one (fieldguide_db_backup_age_seconds, alert FieldGuideBaseBackupTooOld).
# BASE_BACKUP_RECORD=no leaves that out (a server without the service's schema).
#
# Against docker compose's postgres, run it inside the container, where the image's pg_hba.conf
# already allows local replication, into the base-backups volume:
#   docker compose exec -T -u postgres postgres bash -s -- /base-backups < scripts/db-base-backup.sh
set -euo pipefail

root="${1:-backups/base}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
target="$root/$(date -u +%Y%m%dT%H%M%SZ)"

# Debian/Ubuntu keep each major version's tools under /usr/lib/postgresql/<major>/bin, and only
# some of them on the PATH: take the PATH's, else the newest installed.
tool() {
  if command -v "$1" >/dev/null; then command -v "$1"; return; fi
  ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1
}
basebackup="$(tool pg_basebackup)"
[ -n "$basebackup" ] || { echo "pg_basebackup not found" >&2; exit 69; }

mkdir -p "$root"
started=$(date +%s%N)
"$basebackup" --pgdata="$target" --format=tar --gzip --wal-method=stream --checkpoint=fast \
  --manifest-checksums=SHA256 --label="field-guide base backup $(basename "$target")" \
  --no-password
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "base backup of $PGHOST:$PGPORT in $target: $(du -sh "$target" | cut -f1) in ${elapsed_ms} ms"
ls -l "$target"

verify="$(tool pg_verifybackup)"
if [ "${BASE_BACKUP_VERIFY:-yes}" = "no" ]; then
  echo "not verified (BASE_BACKUP_VERIFY=no)"
elif [ -z "$verify" ]; then
  echo "not verified: pg_verifybackup not found (PostgreSQL 13+ ships it)"
else
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  tar -xzf "$target/base.tar.gz" -C "$scratch"
  mkdir -p "$scratch/pg_wal"
  tar -xzf "$target/pg_wal.tar.gz" -C "$scratch/pg_wal"
  # Checks every file against the manifest's size and checksum, and that the streamed WAL
  # parses from the backup's start to its end (pg_waldump).
  "$verify" --manifest-path="$target/backup_manifest" "$scratch"
  verified=true
fi

# Only now, after pg_verifybackup passed: the row is the fact the backup alert trusts.
if [ "${BASE_BACKUP_RECORD:-yes}" != "no" ]; then
  # psql interpolates :'label' only in what it reads, not in -c.
  "$(tool psql)" -X -q -v ON_ERROR_STOP=1 -d "${PGDATABASE:-fieldguide}" \
    -v label="$(basename "$target")" -v verified="${verified:-false}" <<'SQL'
INSERT INTO base_backups (label, verified) VALUES (:'label', :'verified');
SQL
  echo "recorded in base_backups (verified: ${verified:-false})"
fi
