#!/usr/bin/env bash
# The postgres stand-in's entrypoint (containers/postgres/Containerfile), honouring the official
# image's contract as the project uses it:
#   - arguments that start with "-" are options for postgres ("postgres" is put before them);
#   - started as root, it makes PGDATA and the socket directory the postgres user's, then runs
#     itself again as that user;
#   - on an empty PGDATA: initdb with POSTGRES_USER and POSTGRES_PASSWORD (or
#     POSTGRES_HOST_AUTH_METHOD=trust), a pg_hba.conf line for every host, then a temporary server
#     (no TCP, the same -c options) that creates POSTGRES_DB and runs /docker-entrypoint-initdb.d's
#     *.sql, *.sql.gz and *.sh in name order, and stops again;
#   - then the server replaces this script (PID 1), so signals reach it directly.
# Like the official image, the first start logs "database system is ready to accept connections"
# twice (the temporary server, then the real one): Testcontainers' PostgreSQLContainer waits for
# the second.
# No -u: *.sh init files are sourced into this shell and may read unset variables.
set -Eeo pipefail

say() { echo "$*" >&2; }

# VAR or VAR_FILE (a file holding the value, e.g. a mounted secret), never both.
file_env() {
  local var="$1" default="${2:-}" file_var="${1}_FILE"
  if [ -n "${!var:-}" ] && [ -n "${!file_var:-}" ]; then
    say "error: both $var and $file_var are set (but are exclusive)"
    exit 1
  fi
  local value="$default"
  if [ -n "${!var:-}" ]; then
    value="${!var}"
  elif [ -n "${!file_var:-}" ]; then
    value="$(< "${!file_var}")"
  fi
  export "$var"="$value"
  unset "$file_var"
}

# Options that make postgres print something and exit: no initialisation for those.
wants_help() {
  local arg
  for arg; do
    case "$arg" in -'?' | --help | --describe-config | -V | --version) return 0 ;; esac
  done
  return 1
}

setup_env() {
  file_env POSTGRES_PASSWORD
  file_env POSTGRES_USER postgres
  file_env POSTGRES_DB "$POSTGRES_USER"
  file_env POSTGRES_INITDB_ARGS
  : "${POSTGRES_HOST_AUTH_METHOD:=}"
  DATABASE_ALREADY_EXISTS=
  # PG_VERSION is the file initdb writes first: its presence means a cluster is there.
  if [ -s "$PGDATA/PG_VERSION" ]; then DATABASE_ALREADY_EXISTS=true; fi
}

# Run as root: the directories the postgres user needs, then this script again as that user.
own_directories() {
  install -d -m 700 "$PGDATA"
  # chown/chmod may fail on a mount that does not allow them; the server complains then, clearly.
  find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' + || true
  chmod 700 "$PGDATA" || true
  install -d -o postgres -g postgres -m 3777 /var/run/postgresql
}

check_minimum_env() {
  if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
    say "Error: the database is uninitialised and no superuser password is given."
    say "       Set POSTGRES_PASSWORD to a non-empty value, or POSTGRES_HOST_AUTH_METHOD=trust to"
    say "       allow every connection without a password (not recommended)."
    exit 1
  fi
  if [ "$POSTGRES_HOST_AUTH_METHOD" = trust ]; then
    say "WARNING: POSTGRES_HOST_AUTH_METHOD=trust: every connection is allowed without a password."
  fi
}

init_database_dir() {
  # --pwfile does not take an empty file, hence the newline.
  local -a initdb_args=()
  if [ -n "$POSTGRES_INITDB_ARGS" ]; then
    # Word-split as a shell would (the official image evals it the same way).
    eval "initdb_args=($POSTGRES_INITDB_ARGS)"
  fi
  initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") "${initdb_args[@]}"
}

# Every host may connect, with the method asked for, else the server's password_encryption
# (scram-sha-256).
setup_hba_conf() {
  [ "${1:-}" = postgres ] && shift
  local method="$POSTGRES_HOST_AUTH_METHOD"
  [ -n "$method" ] || method="$(postgres -C password_encryption "$@")"
  printf '\nhost all all all %s\n' "$method" >> "$PGDATA/pg_hba.conf"
}

# The temporary server: the command's own options, but no TCP listener, so nothing outside can
# connect before the initialisation is done.
temp_server_start() {
  [ "${1:-}" = postgres ] && shift
  set -- "$@" -c listen_addresses='' -p "${PGPORT:-5432}"
  PGUSER="${PGUSER:-$POSTGRES_USER}" pg_ctl -D "$PGDATA" -o "$(printf '%q ' "$@")" -w start
}

temp_server_stop() {
  PGUSER="${PGUSER:-postgres}" pg_ctl -D "$PGDATA" -m fast -w stop
}

# psql over the Unix socket (PGHOST cleared), stopping at the first error.
process_sql() {
  local -a runner=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)
  [ -n "$POSTGRES_DB" ] && runner+=(--dbname "$POSTGRES_DB")
  PGHOST= PGHOSTADDR= "${runner[@]}" "$@"
}

setup_db() {
  local exists
  exists="$(POSTGRES_DB= process_sql --dbname postgres --set db="$POSTGRES_DB" --tuples-only \
    <<< "SELECT 1 FROM pg_database WHERE datname = :'db';")"
  if [ -z "${exists// /}" ]; then
    POSTGRES_DB= process_sql --dbname postgres --set db="$POSTGRES_DB" <<< 'CREATE DATABASE :"db";'
  fi
}

process_init_files() {
  local f
  for f; do
    case "$f" in
      *.sh)
        # Executable scripts run; others are sourced (and see this script's functions).
        if [ -x "$f" ]; then say "$0: running $f"; "$f"; else say "$0: sourcing $f"; . "$f"; fi ;;
      *.sql) say "$0: running $f"; process_sql -f "$f" ;;
      *.sql.gz) say "$0: running $f"; gunzip -c "$f" | process_sql ;;
      *) say "$0: ignoring $f" ;;
    esac
  done
}

main() {
  [ $# -gt 0 ] || set -- postgres
  if [ "${1:0:1}" = - ]; then set -- postgres "$@"; fi

  if [ "$1" = postgres ] && ! wants_help "$@"; then
    setup_env
    if [ "$(id -u)" = 0 ]; then
      own_directories
      export HOME=/var/lib/postgresql
      exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
    fi
    # What this image really is, at every start (the tag it answers to says otherwise).
    say "stand-in for $(paste -sd, /etc/fieldguide-stand-in | sed 's/,/, /g'):" \
      "PostgreSQL $(postgres -V | awk '{print $3}') from Debian (package postgresql-$PG_MAJOR)"

    if [ -z "$DATABASE_ALREADY_EXISTS" ]; then
      check_minimum_env
      # Fails early, before initdb, if the init directory cannot be read.
      ls /docker-entrypoint-initdb.d/ > /dev/null
      init_database_dir
      setup_hba_conf "$@"
      # For psql, when local connections need a password (e.g. POSTGRES_INITDB_ARGS=--auth=md5).
      export PGPASSWORD="${PGPASSWORD:-$POSTGRES_PASSWORD}"
      temp_server_start "$@"
      setup_db
      shopt -s nullglob
      process_init_files /docker-entrypoint-initdb.d/*
      shopt -u nullglob
      temp_server_stop
      unset PGPASSWORD
      say ""
      say "PostgreSQL init process complete; ready for start up."
      say ""
    else
      say ""
      say "PostgreSQL Database directory appears to contain a database; Skipping initialization"
      say ""
    fi
  fi

  exec "$@"
}

main "$@"
