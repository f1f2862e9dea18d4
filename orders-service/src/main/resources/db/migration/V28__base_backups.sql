-- PG10: scripts/db-base-backup.sh records each base backup it finished here, once verified, so
-- the service can export how old the newest one is (fieldguide_db_backup_age_seconds) from the
-- database it already reads; nothing else writes this table.
CREATE TABLE base_backups (
    label       text        PRIMARY KEY,
    finished_at timestamptz NOT NULL DEFAULT now(),
    verified    boolean     NOT NULL
);
