#!/usr/bin/env bash
# The redis stand-in's entrypoint (containers/redis/Containerfile), as the official image's:
#   - a first argument that is an option (-x, --x) or a *.conf file means redis-server;
#   - started as root, it gives /data to the redis user and runs itself again as that user;
#   - redis-server gets --protected-mode no, which the official image compiles in as the default
#     (a server without a password then still answers other containers and published ports). It
#     goes right after "redis-server", so an explicit --protected-mode later on the command line
#     wins; with a configuration file as the first argument the file decides (options must follow
#     the file, and the file's own setting should stand).
set -Eeuo pipefail

[ $# -gt 0 ] || set -- redis-server
if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then set -- redis-server "$@"; fi

if [ "$1" = redis-server ] && [ "$(id -u)" = 0 ]; then
  find . \! -user redis -exec chown redis '{}' +
  exec setpriv --reuid=redis --regid=redis --init-groups "${BASH_SOURCE[0]}" "$@"
fi

if [ "$1" = redis-server ]; then
  # What this image really is, at every start (the tag it answers to says otherwise).
  echo "stand-in for $(paste -sd, /etc/fieldguide-stand-in | sed 's/,/, /g'):" \
    "Redis $(redis-server --version | sed -n 's/.* v=\([^ ]*\).*/\1/p') from Debian (package redis-server)" >&2
  if [ $# -eq 1 ] || [ "${2#-}" != "$2" ]; then
    set -- redis-server --protected-mode no "${@:2}"
  fi
fi

# Files the server writes (dump.rdb, appendonly) readable by it alone, unless a umask was chosen.
[ "$(umask)" != 0022 ] || umask 0077

exec "$@"
