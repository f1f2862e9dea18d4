-- Runs once, when the compose postgres volume is first initialised (docker-entrypoint-initdb.d),
-- in the fieldguide database. PG1: the statement statistics the top-statements report reads; the
-- library itself is preloaded by the server command line in docker-compose.yml.
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
