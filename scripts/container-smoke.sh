#!/usr/bin/env bash
# Issue 24: a short smoke of the container engine and the stand-in images, through the Docker API
# (the docker CLI with DOCKER_HOST), as compose and Testcontainers will use them:
#   - postgres:17.6 on 127.0.0.1:55432 with the compose file's preload libraries and the repo's
#     postgres/init, ready (pg_isready) within a bounded wait, "ready to accept connections" logged
#     twice (what Testcontainers waits for), `select version()` and pg_stat_statements from the
#     host's psql, and a clean stop;
#   - redis:7.4.5 on 127.0.0.1:56379 with the compose file's command line, PONG from the host's
#     redis-cli, protected mode off;
#   - the JDK and JRE stand-ins run java (and the JRE has useradd/groupadd and bash).
# The containers are removed at the end, whatever happens. Ports 5432 and 6379 stay the host's.
#
#   scripts/container-engine.sh && scripts/container-images.sh && scripts/container-smoke.sh
#
# Environment: DOCKER_HOST (default unix:///run/podman/podman.sock), SMOKE_WAIT (seconds, 60).
set -Eeuo pipefail
# set -e alone would end the script without a word: say which command failed.
trap 'echo "container-smoke.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

export DOCKER_HOST="${DOCKER_HOST:-unix:///run/podman/podman.sock}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
wait_s="${SMOKE_WAIT:-60}"
pg_port=55432
redis_port=56379
pg_name=fieldguide-smoke-postgres
redis_name=fieldguide-smoke-redis

die() { echo "container-smoke.sh: FAILED: $*" >&2; exit 1; }
step_start=0
step() { step_start=${EPOCHREALTIME/./}; echo "== $*"; }
done_step() { local ds=$(( (${EPOCHREALTIME/./} - step_start) / 100000 )); echo "   done in $((ds / 10)).$((ds % 10))s"; }

# Image names as the project spells them (scripts/container-images.sh reads the same files).
pg_image="$(sed -nE 's/^ +image: *(postgres:[^ #]+).*/\1/p' "$repo/docker-compose.yml" | head -n 1)"
redis_image="$(sed -nE 's/^ +image: *(redis:[^ #]+).*/\1/p' "$repo/docker-compose.yml" | head -n 1)"
jdk_image="$(sed -nE 's/^FROM +(eclipse-temurin:[^ ]+-jdk-[^ ]+).*/\1/p' "$repo/Dockerfile" | head -n 1)"
jre_image="$(sed -nE 's/^FROM +(eclipse-temurin:[^ ]+-jre-[^ ]+).*/\1/p' "$repo/Dockerfile" | head -n 1)"
[ -n "$pg_image" ] && [ -n "$redis_image" ] && [ -n "$jdk_image" ] && [ -n "$jre_image" ] \
  || die "image names not found in docker-compose.yml / Dockerfile"

for tool in docker psql pg_isready redis-cli curl; do
  command -v "$tool" >/dev/null || die "$tool is not installed on the host"
done

cleanup() {
  # -v: the images declare volumes (PGDATA, /data); remove their anonymous volumes too.
  docker rm -f -v "$pg_name" "$redis_name" >/dev/null 2>&1 || true
}
trap cleanup EXIT

step "Docker API at $DOCKER_HOST"
docker version --format '   server {{.Server.Version}} (API {{.Server.APIVersion}}), client {{.Client.Version}}' \
  || die "no answer on $DOCKER_HOST: run scripts/container-engine.sh"
cleanup   # leftovers of an interrupted run
for port in $pg_port $redis_port; do
  [ -z "$(ss -Htln "sport = :$port")" ] || die "port $port is taken on the host"
done
done_step

step "postgres: $pg_image on 127.0.0.1:$pg_port"
docker run -d --name "$pg_name" -p "127.0.0.1:$pg_port:5432" \
  -e POSTGRES_PASSWORD=smoke -e POSTGRES_DB=fieldguide \
  -v "$repo/postgres/init:/docker-entrypoint-initdb.d:ro" \
  "$pg_image" postgres -c shared_preload_libraries=pg_stat_statements,auto_explain >/dev/null
deadline=$((SECONDS + wait_s))
until pg_isready -q -h 127.0.0.1 -p "$pg_port"; do
  [ $SECONDS -lt $deadline ] || { docker logs --tail 30 "$pg_name" >&2; die "postgres not ready within ${wait_s}s"; }
  sleep 0.5
done
echo "   pg_isready after $((SECONDS - deadline + wait_s))s"
pg_log="$(docker logs "$pg_name" 2>&1)"
ready_lines="$(grep -c 'database system is ready to accept connections' <<< "$pg_log" || true)"
[ "$ready_lines" = 2 ] || die "expected 'ready to accept connections' twice in the log (Testcontainers), saw $ready_lines"
grep '^stand-in for' <<< "$pg_log" | sed 's/^/   /'
PGPASSWORD=smoke psql -h 127.0.0.1 -p "$pg_port" -U postgres -d fieldguide -X -At -c 'select version()' | sed 's/^/   /'
ext="$(PGPASSWORD=smoke psql -h 127.0.0.1 -p "$pg_port" -U postgres -d fieldguide -X -At \
  -c "select count(*) from pg_stat_statements" 2>&1)" || die "pg_stat_statements (postgres/init) not usable: $ext"
echo "   pg_stat_statements: $ext statements recorded"
# -t 10: podman 4.3's Docker API creates containers with a stop timeout of 0 (a plain
# `docker stop` kills at once); 10 s is Docker's own default.
docker stop -t 10 "$pg_name" >/dev/null
code="$(docker inspect --format '{{.State.ExitCode}}' "$pg_name")"
[ "$code" = 0 ] && docker logs --tail 3 "$pg_name" 2>&1 | grep 'database system is shut down' >/dev/null \
  || die "postgres did not shut down cleanly (exit $code)"
echo "   stopped cleanly"
done_step

step "redis: $redis_image on 127.0.0.1:$redis_port"
docker run -d --name "$redis_name" -p "127.0.0.1:$redis_port:6379" "$redis_image" \
  redis-server --maxmemory 256mb --maxmemory-policy volatile-lfu --save "" --appendonly no >/dev/null
deadline=$((SECONDS + wait_s))
until [ "$(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null)" = PONG ]; do
  [ $SECONDS -lt $deadline ] || { docker logs --tail 30 "$redis_name" >&2; die "redis not answering within ${wait_s}s"; }
  sleep 0.5
done
echo "   PONG; $(redis-cli -h 127.0.0.1 -p "$redis_port" config get protected-mode | paste -sd' '); $(redis-cli -h 127.0.0.1 -p "$redis_port" config get maxmemory-policy | paste -sd' ')"
redis_log="$(docker logs "$redis_name" 2>&1)"
grep '^stand-in for' <<< "$redis_log" | sed 's/^/   /'
done_step

step "java: $jdk_image, $jre_image"
docker run --rm "$jdk_image" sh -c 'javac --version && java --version | sed -n 2p' | sed 's/^/   jdk: /'
docker run --rm "$jre_image" bash -c 'java --version | sed -n 2p; command -v groupadd useradd | paste -sd" "' | sed 's/^/   jre: /'
done_step

echo "container-smoke.sh: all good"
